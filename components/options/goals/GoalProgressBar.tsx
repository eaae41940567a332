import { barOf, formatGoalValue } from '../../../lib/options/goals/goal-form';
import type { GoalWithProgress } from '../../../lib/schema';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The value so far against the target: a bar, a mark at the target, and both in words. */
export function GoalProgressBar({ goal }: { goal: GoalWithProgress }) {
  const { progress } = goal;
  const bar = barOf(progress.value, goal.target);
  const sign = goal.comparison === 'atMost' ? '≤' : '≥';
  const state =
    progress.value === null ? 'no data yet' : progress.onTrack ? 'on track' : 'off track';
  return (
    <div className="goal-progress" data-testid="goal-progress">
      <div
        className={`goal-bar ${progress.value === null ? '' : progress.onTrack ? 'on' : 'off'}`}
        role="img"
        aria-label={`${formatGoalValue(goal.metric, progress.value)} against a target of ${sign} ${formatGoalValue(goal.metric, goal.target)}: ${state}`}
      >
        <span className="goal-bar-value" style={{ width: pct(bar.value) }} />
        <span className="goal-bar-target" style={{ left: pct(bar.target) }} />
      </div>
      <p className="muted">
        <strong>{formatGoalValue(goal.metric, progress.value)}</strong> · target {sign}{' '}
        {formatGoalValue(goal.metric, goal.target)} ·{' '}
        <span className={`goal-state ${progress.onTrack ? 'on' : 'off'}`} data-testid="goal-state">
          {state}
        </span>{' '}
        · {progress.samples} sample{progress.samples === 1 ? '' : 's'}
        {progress.problem && <span className="error"> · {progress.problem}</span>}
      </p>
    </div>
  );
}
