import { formatGoalValue } from '../../../lib/options/goals/goal-form';
import type { ReviewMover } from '../../../lib/schema';

const signed = new Intl.NumberFormat('en', {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});

/** The figures that moved most against the week before, each with both values. */
export function ReviewMovers({ movers }: { movers: ReviewMover[] }) {
  return (
    <>
      <h3>Biggest movers vs the week before</h3>
      {movers.length === 0 ? (
        <p className="muted">No figure can be compared with the week before.</p>
      ) : (
        <ol className="movers" data-testid="review-movers">
          {movers.map((m) => (
            <li key={m.metric} className={m.improved ? 'better' : 'worse'}>
              <strong>{m.title}</strong> {signed.format(m.change)}:{' '}
              {formatGoalValue(m.metric, m.previous)} → {formatGoalValue(m.metric, m.current)}{' '}
              <span className="muted">({m.improved ? 'better' : 'worse'})</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
