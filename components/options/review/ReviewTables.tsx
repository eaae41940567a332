import { formatMs, formatRate } from '../../../lib/options/reports/format';
import type { RateFigure, WeeklyReview } from '../../../lib/schema';

const share = (f: RateFigure) => `${formatRate(f.rate)} (${f.count} of ${f.of})`;

/** First response per mailbox, first-contact resolution per tag, and the week's rates. */
export function ReviewTables({ review }: { review: WeeklyReview }) {
  const rates: [string, RateFigure & { pending?: number }][] = [
    ['Escalation rate', review.escalationRate],
    ['Copilot acceptance', review.copilotAcceptance],
    ['SLA first response met', review.sla.firstResponse],
    ['SLA next response met', review.sla.nextResponse],
    ['SLA resolution met', review.sla.resolution],
  ];
  return (
    <>
      <h3>First response by mailbox</h3>
      {review.mailboxes.length === 0 ? (
        <p className="muted">The workspace has no mailboxes in its settings.</p>
      ) : (
        <table className="data-table" data-testid="review-mailboxes">
          <thead>
            <tr>
              <th>Mailbox</th>
              <th>Conversations</th>
              <th>Median</th>
              <th>p90</th>
            </tr>
          </thead>
          <tbody>
            {review.mailboxes.map((m) => (
              <tr key={m.mailbox}>
                <td>{m.mailbox}</td>
                <td>{m.conversations}</td>
                <td>{formatMs(m.firstResponse.medianMs)}</td>
                <td>{formatMs(m.firstResponse.p90Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>First-contact resolution by tag</h3>
      {review.tags.length === 0 ? (
        <p className="muted">No conversation of the week was tagged.</p>
      ) : (
        <table className="data-table" data-testid="review-tags">
          <thead>
            <tr>
              <th>Tag</th>
              <th>Conversations</th>
              <th>First-contact resolution</th>
            </tr>
          </thead>
          <tbody>
            {review.tags.map((t) => (
              <tr key={t.tag}>
                <td>{t.tag}</td>
                <td>{t.conversations}</td>
                <td>{share(t.firstContactResolution)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Rates</h3>
      <table className="data-table" data-testid="review-rates">
        <tbody>
          {rates.map(([label, f]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {share(f)}
                {f.pending ? ` · ${f.pending} pending` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
