import { useId } from 'react';
import { describeProblem } from '../../../lib/options/problems';
import { useCachedMembers, useUsage } from './use-templates';

const when = (at: string) => new Date(at).toLocaleString();

/** How often the template was inserted, by whom and when last (from template.used events). */
export function UsagePanel({ templateId }: { templateId: string }) {
  const headingId = useId();
  const usage = useUsage(templateId);
  const members = useCachedMembers().data ?? [];
  const nameOf = (id: string | null) =>
    members.find((m) => m.id === id)?.name ?? (id ? 'A former member' : 'Unknown');
  return (
    <section aria-labelledby={headingId} data-testid="template-usage">
      <h4 id={headingId}>Usage</h4>
      {usage.isPending && <p role="status">Loading usage…</p>}
      {usage.error ? <p className="error">{describeProblem(usage.error)}</p> : null}
      {usage.data &&
        (usage.data.count === 0 ? (
          <p className="muted">Not inserted yet.</p>
        ) : (
          <>
            <p>
              Inserted {usage.data.count} {usage.data.count === 1 ? 'time' : 'times'}
              {usage.data.lastUsedAt && `, last ${when(usage.data.lastUsedAt)}`}.
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  <th scope="col">Times</th>
                  <th scope="col">Last used</th>
                </tr>
              </thead>
              <tbody>
                {usage.data.byMember.map((m) => (
                  <tr key={m.memberId ?? 'none'}>
                    <td>{nameOf(m.memberId)}</td>
                    <td>{m.count}</td>
                    <td>{when(m.lastUsedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
    </section>
  );
}
