import { ago } from '../../lib/features/relative-time';
import type { Conversation, Participant } from '../../lib/schema';
import type { Run, SidebarActions } from './types';

interface CustomerHistoryProps {
  customer: Participant | null;
  history: Conversation[] | string | null;
  open: SidebarActions['openConversation'];
  run: Run;
  now: number;
}

/** The customer's other conversations the team has recorded; each opens in this mailbox. */
export function CustomerHistory({ customer, history, open, run, now }: CustomerHistoryProps) {
  if (!customer) return null;
  const who = customer.name ?? customer.email;
  return (
    <section className="section" aria-label={`Other conversations with ${who}`}>
      <h2>Other conversations with {who}</h2>
      {typeof history === 'string' ? (
        <p className="problem">{history}</p>
      ) : history === null ? (
        <p className="muted">Loading…</p>
      ) : history.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ul className="history" data-testid="customer-history">
          {history.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => run(() => open(c))}>
                <span className="subject">{c.subject || '(no subject)'}</span>
                <span className="muted">
                  {c.status} · {ago(c.lastMessageAt ?? c.updatedAt, now)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
