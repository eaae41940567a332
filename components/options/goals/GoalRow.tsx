import { useState } from 'react';
import { timeframeLabel } from '../../../lib/options/goals/goal-form';
import { formatInstant } from '../../../lib/options/reports/format';
import { GOAL_METRICS, type GoalWithProgress } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { GoalForm } from './GoalForm';
import { GoalProgressBar } from './GoalProgressBar';
import { useDeleteGoal } from './use-goals';

/** One goal: what it aims at, its progress, and (for leads and admins) edit and delete. */
export function GoalRow({ goal, editable }: { goal: GoalWithProgress; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const remove = useDeleteGoal(goal.id);
  const filters = Object.values(goal.filters).filter(Boolean).join(', ');
  if (editing) return <GoalForm goal={goal} onDone={() => setEditing(false)} />;
  return (
    <li className="card goal" data-testid="goal">
      <div className="row">
        <h4 className="grow">{goal.name}</h4>
        {editable && (
          <>
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button
              type="button"
              className="secondary"
              disabled={remove.isPending}
              onClick={() => remove.mutate(undefined)}
              data-testid="goal-delete"
            >
              Delete
            </button>
          </>
        )}
      </div>
      <p className="muted">
        {GOAL_METRICS[goal.metric].title} · {timeframeLabel(goal.timeframe)} (
        {formatInstant(goal.progress.from)} to {formatInstant(goal.progress.to)})
        {filters && ` · ${filters}`}
      </p>
      <GoalProgressBar goal={goal} />
      <Problem error={remove.error} />
    </li>
  );
}
