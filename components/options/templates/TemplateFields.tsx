import { useId } from 'react';
import type { Draft } from '../../../lib/options/templates/draft';
import type { Tag, Team, TemplateScope } from '../../../lib/schema';
import { RichTextEditor } from './RichTextEditor';
import { TemplatePreview } from './TemplatePreview';

type Props = {
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** The scopes this member may choose (the current one is always shown). */
  scopes: readonly TemplateScope[];
  teams: readonly Team[];
  tags: readonly Tag[];
  folders: readonly string[];
  disabled: boolean;
  /** The API's message per field of the last refused save. */
  issue: (field: keyof Draft) => string | undefined;
};

function FieldIssue({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="error" id={id}>
      {text}
    </p>
  ) : null;
}

/** The editor's controls: every field of a template's content, each labelled. */
export function TemplateFields({
  draft,
  onChange,
  scopes,
  teams,
  tags,
  folders,
  disabled,
  issue,
}: Props) {
  const id = useId();
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) =>
    onChange({ ...draft, [field]: value });
  const shownScopes = scopes.includes(draft.scope) ? scopes : [draft.scope, ...scopes];
  const described = (field: keyof Draft) => (issue(field) ? `${id}-${field}-issue` : undefined);
  const tagNames = [
    ...new Set([...tags.filter((t) => !t.archived).map((t) => t.name), ...draft.tags]),
  ];

  return (
    <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        data-testid="template-title"
        required
        maxLength={200}
        value={draft.title}
        aria-invalid={Boolean(issue('title'))}
        aria-describedby={described('title')}
        onChange={(e) => set('title', e.target.value)}
      />
      <FieldIssue id={`${id}-title-issue`} text={issue('title')} />

      <p id={`${id}-body-label`} style={{ fontWeight: 600, margin: '10px 0 4px' }}>
        Body
      </p>
      <RichTextEditor
        labelId={`${id}-body-label`}
        value={draft.body}
        onChange={(body) => set('body', body)}
        disabled={disabled}
      />
      <FieldIssue id={`${id}-body-issue`} text={issue('body')} />
      <TemplatePreview body={draft.body} />

      <div className="row" style={{ alignItems: 'start' }}>
        <div style={{ flex: 1 }}>
          <label htmlFor={`${id}-shortcut`}>Shortcut</label>
          <input
            id={`${id}-shortcut`}
            data-testid="template-shortcut"
            value={draft.shortcut ?? ''}
            placeholder="e.g. refund"
            aria-invalid={Boolean(issue('shortcut'))}
            aria-describedby={`${id}-shortcut-hint ${described('shortcut') ?? ''}`}
            onChange={(e) => set('shortcut', e.target.value.toLowerCase())}
          />
          <p className="muted" id={`${id}-shortcut-hint`}>
            Typed in the compose picker; lowercase letters, digits and dashes.
          </p>
          <FieldIssue id={`${id}-shortcut-issue`} text={issue('shortcut')} />
        </div>
        <div style={{ flex: 1 }}>
          <label htmlFor={`${id}-folder`}>Folder</label>
          <input
            id={`${id}-folder`}
            list={`${id}-folders`}
            value={draft.folder ?? ''}
            onChange={(e) => set('folder', e.target.value)}
          />
          <datalist id={`${id}-folders`}>
            {folders.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </div>
      </div>

      <div className="row" style={{ alignItems: 'start' }}>
        <div style={{ flex: 1 }}>
          <label htmlFor={`${id}-scope`}>Who can use it</label>
          <select
            id={`${id}-scope`}
            data-testid="template-scope"
            value={draft.scope}
            aria-describedby={described('scope')}
            onChange={(e) => set('scope', e.target.value as TemplateScope)}
          >
            {shownScopes.map((s) => (
              <option key={s} value={s} disabled={!scopes.includes(s)}>
                {s === 'personal'
                  ? 'Only me (personal)'
                  : s === 'team'
                    ? 'A team'
                    : 'Whole workspace'}
              </option>
            ))}
          </select>
          <FieldIssue id={`${id}-scope-issue`} text={issue('scope')} />
        </div>
        {draft.scope === 'team' && (
          <div style={{ flex: 1 }}>
            <label htmlFor={`${id}-team`}>Team</label>
            <select
              id={`${id}-team`}
              value={draft.teamId ?? ''}
              aria-describedby={described('teamId')}
              onChange={(e) => set('teamId', e.target.value || null)}
            >
              <option value="">Every team</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <FieldIssue id={`${id}-teamId-issue`} text={issue('teamId')} />
          </div>
        )}
      </div>

      <fieldset>
        <legend>Tags it suits</legend>
        {tagNames.length === 0 && <p className="muted">No tags yet.</p>}
        <div className="row">
          {tagNames.map((name) => (
            <label key={name} className="row" style={{ margin: 0, fontWeight: 'normal' }}>
              <input
                type="checkbox"
                checked={draft.tags.includes(name)}
                onChange={(e) =>
                  set(
                    'tags',
                    e.target.checked ? [...draft.tags, name] : draft.tags.filter((t) => t !== name),
                  )
                }
              />
              {name}
            </label>
          ))}
        </div>
      </fieldset>

      <label htmlFor={`${id}-instruction`}>Copilot instruction (optional)</label>
      <textarea
        id={`${id}-instruction`}
        rows={2}
        maxLength={2000}
        value={draft.instruction ?? ''}
        placeholder="How the copilot may adapt this template, e.g. keep it under three sentences"
        onChange={(e) => set('instruction', e.target.value)}
      />
    </fieldset>
  );
}
