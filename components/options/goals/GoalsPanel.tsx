import { useState } from 'react';
import { may } from '../../../lib/options/capabilities';
import { isOffline } from '../../../lib/options/problems';
import { Empty, LoadFailed, Loading, OfflineNothingCached } from '../common/States';
import type { SectionProps } from '../section-props';
import { GoalForm } from './GoalForm';
import { GoalRow } from './GoalRow';
import './goals.css';
import { useGoals } from './use-goals';

/** Goals and their progress; leads and admins add, edit and delete them. */
export function GoalsPanel({ session }: SectionProps) {
  const goals = useGoals();
  const editable = may(session.role, 'manageGoals');
  const [adding, setAdding] = useState(false);
  const retry = () => void goals.refetch();
  return (
    <section className="goals" aria-labelledby="goals-title" data-testid="goals-panel">
      <div className="row">
        <h3 id="goals-title" className="grow">
          Goals
        </h3>
        {editable && !adding && (
          <button type="button" onClick={() => setAdding(true)} data-testid="goal-add">
            Add a goal
          </button>
        )}
      </div>
      {adding && <GoalForm onDone={() => setAdding(false)} />}
      {goals.isPending ? (
        <Loading what="goals" />
      ) : goals.isError ? (
        isOffline(goals.error) ? (
          <OfflineNothingCached what="Goals" retry={retry} />
        ) : (
          <LoadFailed what="goals" error={goals.error} retry={retry} />
        )
      ) : goals.data.length === 0 ? (
        <Empty>
          No goals yet.{' '}
          {editable ? 'Add one: a figure, a target and a timeframe.' : 'Leads and admins set them.'}
        </Empty>
      ) : (
        <ul className="goal-list">
          {goals.data.map((goal) => (
            <GoalRow key={goal.id} goal={goal} editable={editable} />
          ))}
        </ul>
      )}
    </section>
  );
}
