import { type FormEvent, useId, useRef, useState } from 'react';
import { tagIntent } from '../../lib/features/tag-intent';
import type { Tag } from '../../lib/schema';
import type { CommandRequest, Run, SidebarActions } from './types';
import { useCommand } from './use-command';

interface TagEditorProps {
  tags: string[];
  addable: string[];
  all: Tag[];
  /** Why this member cannot create tags; null when they can. */
  createBlocked: string | null;
  actions: Pick<SidebarActions, 'addTag' | 'removeTag' | 'createTag'>;
  run: Run;
  command: CommandRequest | null;
}

/** The conversation's tags: remove one, pick an existing one, or type a name (new or not). */
export function TagEditor({
  tags,
  addable,
  all,
  createBlocked,
  actions,
  run,
  command,
}: TagEditorProps) {
  const refusalId = useId();
  const [typed, setTyped] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useCommand(command, 'tag', () => (select.current ?? input.current)?.focus());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const intent = tagIntent(typed, all, tags, createBlocked === null);
    if (intent.kind === 'refuse') {
      setRefusal(intent.message);
      return;
    }
    setTyped('');
    run(() =>
      intent.kind === 'add' ? actions.addTag(intent.name) : actions.createTag(intent.name),
    );
  };
  return (
    <div className="row tags">
      <span className="label">Tags</span>
      <ul data-testid="tags">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => run(() => actions.removeTag(tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {addable.length > 0 && (
        <select
          ref={select}
          aria-label="Add a tag"
          data-testid="add-tag-select"
          value=""
          onChange={(e) => {
            const tag = e.target.value;
            run(() => actions.addTag(tag));
          }}
        >
          <option value="">Add tag…</option>
          {addable.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      )}
      <form className="inline-form" onSubmit={submit}>
        <input
          ref={input}
          type="text"
          data-testid="tag-name"
          aria-label={createBlocked ? 'Tag name (existing tags only)' : 'Tag name, new or existing'}
          aria-describedby={refusal ? refusalId : undefined}
          placeholder={createBlocked ? 'Tag name' : 'New or existing tag'}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setRefusal(null);
          }}
        />
        <button type="submit" data-testid="tag-submit" disabled={!typed.trim()}>
          Add
        </button>
      </form>
      {refusal && (
        <p className="problem" id={refusalId} role="alert" data-testid="tag-refusal">
          {refusal}
        </p>
      )}
      {createBlocked && <p className="muted hint">{createBlocked}</p>}
    </div>
  );
}
