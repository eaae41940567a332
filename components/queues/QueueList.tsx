import type { QueueRow } from '../../lib/features/queue-model';

export interface QueueListProps {
  title: string;
  /** null while loading. */
  rows: readonly QueueRow[] | null;
  empty: string;
  problem: string | null;
  onOpen(threadId: string): void;
}

/**
 * A queue page: one button per conversation, opening its thread in this mailbox; a
 * conversation this mailbox has no thread of is disabled and says where it is.
 */
export function QueueList({ title, rows, empty, problem, onOpen }: QueueListProps) {
  return (
    <section className="queue" data-testid="sidedesk-queue" aria-labelledby="queue-title">
      <h1 id="queue-title">{title}</h1>
      {problem && <p className="problem">{problem}</p>}
      {!problem && rows === null && <p className="muted">Loading…</p>}
      {!problem && rows?.length === 0 && (
        <p className="muted" data-testid="queue-empty">
          {empty}
        </p>
      )}
      {rows && rows.length > 0 && (
        <ul>
          {rows.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className="row"
                data-testid="queue-row"
                disabled={row.threadId === null}
                onClick={() => row.threadId && onOpen(row.threadId)}
              >
                <span className="subject">{row.subject}</span>
                <span className="customer">{row.customer}</span>
                <span className="assignee" title={row.assignee?.name ?? 'Unassigned'}>
                  {row.assignee ? <span className="avatar">{row.assignee.initials}</span> : '—'}
                </span>
                <span className="status">{row.status}</span>
                <span className="tags">
                  {row.sla && (
                    <span className={`sla-chip ${row.sla.tone}`} data-testid="queue-sla">
                      {row.sla.label}
                    </span>
                  )}
                  {row.tags.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </span>
                <span className="updated">{row.updated}</span>
                {row.elsewhere && <span className="elsewhere">{row.elsewhere}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
