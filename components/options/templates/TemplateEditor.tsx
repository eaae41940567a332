import { useEffect, useId, useState } from 'react';
import { describeProblem, issueAt } from '../../../lib/options/problems';
import { ApiProblem } from '../../../lib/options/relay';
import { creatableScopes, editRefusal } from '../../../lib/options/templates/access';
import {
  changedFields,
  contentOf,
  type Draft,
  emptyDraft,
  normalised,
  patchOf,
} from '../../../lib/options/templates/draft';
import { Template } from '../../../lib/schema';
import { sanitizeTemplateHtml } from '../../../lib/templates/sanitize';
import type { SignedInSession } from '../section-props';
import { useTeams } from '../teams/use-teams';
import { MergeView } from './MergeView';
import { TemplateFields } from './TemplateFields';
import { UsagePanel } from './UsagePanel';
import { useCachedTags, useTemplateWrites } from './use-templates';
import { VersionsPanel } from './VersionsPanel';

type Props = {
  /** null: a new template. */
  template: Template | null;
  session: SignedInSession;
  offline: boolean;
  folders: readonly string[];
  onSelect: (id: string | null) => void;
};

/** The 409's `current`: the template as someone else saved it meanwhile. */
const theirsOf = (e: unknown) => {
  if (!(e instanceof ApiProblem) || e.status !== 409) return null;
  const current = Template.safeParse((e.body as { current?: unknown } | null)?.current);
  return current.success ? current.data : null;
};

/** Edits one template (or a new one); a stale save opens the merge view, never overwrites. */
export function TemplateEditor({ template, session, offline, folders, onSelect }: Props) {
  const headingId = useId();
  const me = { memberId: session.member.id, role: session.role };
  const scopes = creatableScopes(session.role);
  const [base, setBase] = useState(template);
  const [draft, setDraft] = useState<Draft>(() =>
    template ? contentOf(template) : emptyDraft('personal'),
  );
  const [theirs, setTheirs] = useState<Template | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const writes = useTemplateWrites();
  const teams = useTeams().data ?? [];
  const tags = useCachedTags().data ?? [];

  const dirty = base ? changedFields(contentOf(base), draft).length > 0 : true;
  // Someone else's save arrives through the list: adopt it while nothing here is unsaved.
  useEffect(() => {
    if (template && base && template.revision > base.revision && !dirty) {
      setBase(template);
      setDraft(contentOf(template));
    }
  }, [template, base, dirty]);

  const refusal = base ? editRefusal(base, me) : null;
  const readOnly = offline || refusal !== null || writes.remove.isPending;
  const busy = writes.create.isPending || writes.update.isPending;

  const adopt = (t: Template) => {
    setBase(t);
    setDraft(contentOf(t));
    setTheirs(null);
    setError(null);
    setSaved(true);
  };
  const failed = (e: unknown) => {
    setSaved(false);
    const current = theirsOf(e);
    if (current) setTheirs(current);
    else setError(e);
  };

  /** Saves `content` over `from` (the revision it was made from). */
  const save = (content: Draft, from: Template | null) => {
    const clean = normalised({ ...content, body: sanitizeTemplateHtml(content.body) });
    setError(null);
    if (!from) {
      writes.create.mutate(clean, { onSuccess: (made) => onSelect(made.id), onError: failed });
      return;
    }
    const patch = patchOf(contentOf(from), clean, from.revision);
    writes.update.mutate(
      { id: from.id, patch, shown: { ...from, ...clean } },
      { onSuccess: adopt, onError: failed },
    );
  };

  return (
    <section aria-labelledby={headingId} data-testid="template-editor">
      <h3 id={headingId}>{base ? `Edit “${base.title}”` : 'New template'}</h3>
      {refusal && (
        <p className="banner" role="note" data-testid="template-readonly">
          {refusal} You can read it and its history here.
        </p>
      )}
      {theirs && base && (
        <MergeView
          base={contentOf(base)}
          mine={draft}
          theirs={theirs}
          onTakeTheirs={() => adopt(theirs)}
          onSave={(content) => save(content, theirs)}
        />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save(draft, base);
        }}
      >
        <TemplateFields
          draft={draft}
          onChange={(d) => {
            setDraft(d);
            setSaved(false);
          }}
          scopes={scopes}
          teams={teams}
          tags={tags}
          folders={folders}
          disabled={readOnly || theirs !== null}
          issue={(field) => issueAt(error, field)}
        />
        {error !== null && (
          <p className="error" role="alert" data-testid="template-error">
            {describeProblem(error)}
          </p>
        )}
        <div className="row" style={{ marginTop: 12 }}>
          <button
            type="submit"
            data-testid="template-save"
            disabled={readOnly || busy || theirs !== null || !dirty}
          >
            {busy ? 'Saving…' : base ? 'Save' : 'Create template'}
          </button>
          {base && (
            <button
              type="button"
              className="secondary"
              disabled={readOnly}
              onClick={() => {
                if (!window.confirm(`Delete “${base.title}”?`)) return;
                writes.remove.mutate(base.id, {
                  onSuccess: () => onSelect(null),
                  onError: setError,
                });
              }}
            >
              Delete
            </button>
          )}
          <span role="status" className="muted">
            {saved && !dirty ? `Saved (revision ${base?.revision}).` : ''}
          </span>
        </div>
      </form>
      {base && (
        <>
          <VersionsPanel template={base} readOnly={readOnly} onRestored={adopt} />
          <UsagePanel templateId={base.id} />
        </>
      )}
    </section>
  );
}
