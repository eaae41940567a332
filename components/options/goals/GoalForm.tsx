import { type FormEvent, type ReactNode, useId, useState } from 'react';
import {
  draftOf,
  type GoalDraft,
  goalBody,
  targetUnitLabel,
} from '../../../lib/options/goals/goal-form';
import { withRefusal } from '../../../lib/options/sla/issues';
import { GOAL_METRICS, type Goal, GoalMetric, Priority } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { FieldIssue } from '../sla/FieldIssue';
import { useTeams } from '../teams/use-teams';
import { useSaveGoal } from './use-goals';

/** A new goal, or a stored one edited: metric, comparison, target, timeframe, filters. */
export function GoalForm({ goal, onDone }: { goal?: Goal; onDone: () => void }) {
  const id = useId();
  const [draft, setDraft] = useState<GoalDraft>(() => draftOf(goal));
  const [attempted, setAttempted] = useState(false);
  const save = useSaveGoal(goal?.id ?? null);
  const teams = useTeams();
  const checked = goalBody(draft);
  const issues = withRefusal(attempted ? checked.issues : new Map(), save.error);
  const set = (patch: Partial<GoalDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (checked.value) save.mutate(checked.value, { onSuccess: onDone });
  };
  const field = (path: string, label: string, control: (props: FieldProps) => ReactNode) => {
    const issue = issues.get(path);
    const props = {
      id: `${id}-${path}`,
      'aria-invalid': Boolean(issue),
      'aria-describedby': issue ? `${id}-${path}-issue` : undefined,
    };
    return (
      <div className="goal-field">
        <label htmlFor={props.id}>{label}</label>
        {control(props)}
        <FieldIssue id={`${id}-${path}-issue`} text={issue} />
      </div>
    );
  };
  return (
    <form className="card goal-form" onSubmit={submit} noValidate data-testid="goal-form">
      {field('name', 'Name', (p) => (
        <input
          {...p}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
          placeholder="FRT p90 under 2 h this month"
          data-testid="goal-name"
        />
      ))}
      <div className="row">
        {field('metric', 'Metric', (p) => (
          <select
            {...p}
            value={draft.metric}
            onChange={(e) => set({ metric: GoalMetric.parse(e.target.value), comparison: '' })}
            data-testid="goal-metric"
          >
            {GoalMetric.options.map((m) => (
              <option key={m} value={m}>
                {GOAL_METRICS[m].title}
              </option>
            ))}
          </select>
        ))}
        {field('comparison', 'Met when the value is', (p) => (
          <select
            {...p}
            value={draft.comparison}
            onChange={(e) => set({ comparison: e.target.value as GoalDraft['comparison'] })}
          >
            <option value="">
              {GOAL_METRICS[draft.metric].better === 'lower' ? 'at most' : 'at least'} (usual)
            </option>
            <option value="atMost">at most</option>
            <option value="atLeast">at least</option>
          </select>
        ))}
        {field('target', `Target (${targetUnitLabel(draft.metric)})`, (p) => (
          <input
            {...p}
            type="number"
            min={0}
            step="any"
            value={draft.target}
            onChange={(e) => set({ target: e.target.value })}
            data-testid="goal-target"
          />
        ))}
      </div>
      <div className="row">
        {field('timeframe', 'Timeframe', (p) => (
          <select
            {...p}
            value={draft.timeframe}
            onChange={(e) => set({ timeframe: e.target.value as GoalDraft['timeframe'] })}
            data-testid="goal-timeframe"
          >
            <option value="week">This week</option>
            <option value="month">This month</option>
            <option value="quarter">This quarter</option>
            <option value="custom">From … to …</option>
          </select>
        ))}
        {draft.timeframe === 'custom' && (
          <>
            {field('timeframe.from', 'From', (p) => (
              <input
                {...p}
                type="date"
                value={draft.from}
                onChange={(e) => set({ from: e.target.value })}
              />
            ))}
            {field('timeframe.to', 'To (included)', (p) => (
              <input
                {...p}
                type="date"
                value={draft.to}
                onChange={(e) => set({ to: e.target.value })}
              />
            ))}
          </>
        )}
      </div>
      <fieldset>
        <legend>Only conversations (optional)</legend>
        <div className="row">
          {field('filters.teamId', 'Assigned to a member of', (p) => (
            <select {...p} value={draft.teamId} onChange={(e) => set({ teamId: e.target.value })}>
              <option value="">any team</option>
              {(teams.data ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          ))}
          {field('filters.tag', 'Tagged', (p) => (
            <input {...p} value={draft.tag} onChange={(e) => set({ tag: e.target.value })} />
          ))}
          {field('filters.mailbox', 'To mailbox', (p) => (
            <input
              {...p}
              type="email"
              value={draft.mailbox}
              onChange={(e) => set({ mailbox: e.target.value })}
            />
          ))}
          {field('filters.priority', 'Priority', (p) => (
            <select
              {...p}
              value={draft.priority}
              onChange={(e) => set({ priority: e.target.value })}
            >
              <option value="">any</option>
              {Priority.options.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          ))}
        </div>
      </fieldset>
      {issues.size === 0 && <Problem error={save.error} />}
      <div className="row actions-row">
        <button type="submit" disabled={save.isPending} data-testid="goal-save">
          {save.isPending ? 'Saving…' : goal ? 'Save goal' : 'Add goal'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type FieldProps = {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};
