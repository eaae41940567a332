import type { AuditEntry } from '../../../lib/schema';
import { Empty, LoadFailed, Loading } from '../common/States';
import { useMembers } from '../members/use-members';
import { useAudit } from './use-audit';

/** What changed, in a few words: the field names the request carried. */
const changed = (e: AuditEntry) => {
  const fields = e.summary.fields;
  return Array.isArray(fields) && fields.length ? fields.join(', ') : '';
};

/** The workspace's audit log (docs/data-care.md#audit-log), newest first. */
export function AuditLog() {
  const audit = useAudit();
  const members = useMembers();
  const nameOf = (id: string | null) =>
    id === null
      ? 'scheduler'
      : (members.data?.items.find((m) => m.id === id)?.name ?? id.slice(0, 8));
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <section aria-labelledby="audit-title" data-testid="audit-log">
      <h3 id="audit-title">Audit log</h3>
      {audit.isPending ? (
        <Loading what="the audit log" />
      ) : audit.isError ? (
        <LoadFailed what="the audit log" error={audit.error} retry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <Empty>No admin actions yet.</Empty>
      ) : (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-entry">
                  <td>
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
                  </td>
                  <td>{nameOf(e.actorId)}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{changed(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {audit.hasNextPage && (
            <button
              type="button"
              className="secondary"
              disabled={audit.isFetchingNextPage}
              onClick={() => void audit.fetchNextPage()}
            >
              {audit.isFetchingNextPage ? 'Loading…' : 'Older entries'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
