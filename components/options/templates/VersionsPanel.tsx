import { useId, useState } from 'react';
import { describeProblem } from '../../../lib/options/problems';
import { contentOf } from '../../../lib/options/templates/draft';
import type { Template } from '../../../lib/schema';
import { useCachedMembers, useTemplateWrites, useVersions } from './use-templates';
import { VersionDiff } from './VersionDiff';

type Props = { template: Template; readOnly: boolean; onRestored: (t: Template) => void };

/** Every saved revision with who and when; compare one with the current, or restore it. */
export function VersionsPanel({ template, readOnly, onRestored }: Props) {
  const headingId = useId();
  const versions = useVersions(template.id);
  const members = useCachedMembers().data ?? [];
  const { restore } = useTemplateWrites();
  const [open, setOpen] = useState<number | null>(null);
  const nameOf = (id: string | null) => members.find((m) => m.id === id)?.name ?? 'Unknown';

  return (
    <section aria-labelledby={headingId} data-testid="template-versions">
      <h4 id={headingId}>Versions</h4>
      {versions.isPending && <p role="status">Loading versions…</p>}
      {versions.error ? <p className="error">{describeProblem(versions.error)}</p> : null}
      {restore.error && (
        <p className="error" role="alert">
          {describeProblem(restore.error)}
        </p>
      )}
      <ol reversed style={{ paddingLeft: 20 }}>
        {versions.data?.map((v) => (
          <li key={v.revision} data-testid="version-row">
            <div className="row">
              <span>
                Revision {v.revision} · {nameOf(v.authorId)} · {new Date(v.at).toLocaleString()}
                {v.revision === template.revision && ' (current)'}
              </span>
              {v.revision !== template.revision && (
                <>
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={open === v.revision}
                    onClick={() => setOpen(open === v.revision ? null : v.revision)}
                  >
                    {open === v.revision ? 'Hide changes' : 'Compare with current'}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={readOnly || restore.isPending}
                    data-testid="version-restore"
                    onClick={() =>
                      restore.mutate(
                        { id: template.id, revision: v.revision, fromRevision: template.revision },
                        { onSuccess: onRestored },
                      )
                    }
                  >
                    Restore revision {v.revision}
                  </button>
                </>
              )}
            </div>
            {open === v.revision && <VersionDiff from={v.content} to={contentOf(template)} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
