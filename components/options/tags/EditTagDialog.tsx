import { type FormEvent, useId, useState } from 'react';
import { issueAt } from '../../../lib/options/problems';
import { tagNameProblem } from '../../../lib/options/tags/tags';
import type { Tag } from '../../../lib/schema';
import { Dialog } from '../common/Dialog';
import { Problem } from '../common/Problem';
import { ColourPicker } from './ColourPicker';
import { useUpdateTag } from './use-tags';

type Props = { tag: Tag; tags: readonly Tag[]; open: boolean; onClose: () => void };

/** Rename and recolour; the list shows the change at once, the dialog waits for the API. */
export function EditTagDialog({ tag, tags, open, onClose }: Props) {
  return (
    <Dialog open={open} title={`Edit tag “${tag.name}”`} onClose={onClose} testId="edit-tag-dialog">
      <EditTagForm tag={tag} tags={tags} onDone={onClose} />
    </Dialog>
  );
}

function EditTagForm({
  tag,
  tags,
  onDone,
}: {
  tag: Tag;
  tags: readonly Tag[];
  onDone: () => void;
}) {
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color);
  const update = useUpdateTag(tag.id);
  const nameId = useId();
  const errorId = useId();
  const problem = tagNameProblem(name, tags, tag.id) ?? issueAt(update.error, 'name');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (tagNameProblem(name, tags, tag.id)) return;
    const patch = {
      ...(name.trim() !== tag.name && { name: name.trim() }),
      ...(color.toLowerCase() !== tag.color.toLowerCase() && { color }),
    };
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate(patch, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <label htmlFor={nameId}>Name</label>
      <input
        id={nameId}
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? errorId : undefined}
        data-testid="edit-tag-name"
        // biome-ignore lint/a11y/noAutofocus: the dialog opened to edit this name
        autoFocus
      />
      {problem && (
        <p className="error" id={errorId}>
          {problem}
        </p>
      )}
      <p className="muted">Conversations and templates carrying the tag follow a rename.</p>
      <ColourPicker value={color} onChange={setColor} />
      <Problem error={update.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" disabled={update.isPending} data-testid="save-tag">
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
