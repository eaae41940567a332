import {
  GOAL_METRICS,
  type Goal,
  type GoalComparison,
  GoalInput,
  type GoalMetric,
  type GoalTimeframe,
} from '../../schema';
import { formatMs, formatRate } from '../reports/format';

const MINUTE_MS = 60_000;

/** The goal form's fields as typed: targets in minutes (durations) or percent (rates). */
export type GoalDraft = {
  name: string;
  metric: GoalMetric;
  /** Empty: the metric's own (at most for durations and bad rates, at least otherwise). */
  comparison: GoalComparison | '';
  target: string;
  timeframe: GoalTimeframe['kind'];
  from: string;
  to: string;
  teamId: string;
  tag: string;
  mailbox: string;
  priority: string;
};

export const unitOf = (metric: GoalMetric) => GOAL_METRICS[metric].unit;
export const targetUnitLabel = (metric: GoalMetric) =>
  unitOf(metric) === 'ms' ? 'minutes' : 'percent';

/** A stored goal as the form shows it, or a fresh one. */
export function draftOf(goal?: Goal): GoalDraft {
  if (!goal)
    return {
      name: '',
      metric: 'firstResponseP90',
      comparison: '',
      target: '',
      timeframe: 'month',
      from: '',
      to: '',
      teamId: '',
      tag: '',
      mailbox: '',
      priority: '',
    };
  const t = goal.timeframe;
  return {
    name: goal.name,
    metric: goal.metric,
    comparison: goal.comparison,
    target: String(
      unitOf(goal.metric) === 'ms'
        ? goal.target / MINUTE_MS
        : Math.round(goal.target * 100_000) / 1000,
    ),
    timeframe: t.kind,
    from: t.kind === 'custom' ? t.from : '',
    to: t.kind === 'custom' ? t.to : '',
    teamId: goal.filters.teamId ?? '',
    tag: goal.filters.tag ?? '',
    mailbox: goal.filters.mailbox ?? '',
    priority: goal.filters.priority ?? '',
  };
}

const blankToUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());

/**
 * The request body the draft makes, checked with the API's own schema; issues are keyed
 * by the API's paths (`target`, `timeframe.to`, `filters.mailbox`) and say it in the
 * form's units.
 */
export function goalBody(draft: GoalDraft): {
  value: GoalInput | null;
  issues: Map<string, string>;
} {
  const typed = draft.target.trim() === '' ? Number.NaN : Number(draft.target);
  const unit = unitOf(draft.metric);
  const body = {
    name: draft.name,
    metric: draft.metric,
    ...(draft.comparison && { comparison: draft.comparison }),
    target: unit === 'ms' ? Math.round(typed * MINUTE_MS) : typed / 100,
    timeframe:
      draft.timeframe === 'custom'
        ? { kind: 'custom', from: draft.from, to: draft.to }
        : { kind: draft.timeframe },
    filters: {
      teamId: blankToUndefined(draft.teamId),
      tag: blankToUndefined(draft.tag),
      mailbox: blankToUndefined(draft.mailbox),
      priority: blankToUndefined(draft.priority),
    },
  };
  const issues = new Map<string, string>();
  if (!Number.isFinite(typed) || typed < 0)
    issues.set('target', `a number of ${targetUnitLabel(draft.metric)}, 0 or more`);
  else if (unit === 'rate' && typed > 100) issues.set('target', 'a percentage from 0 to 100');
  const parsed = GoalInput.safeParse(body);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (!issues.has(path)) issues.set(path, issue.message);
    }
  return { value: issues.size === 0 ? (body as GoalInput) : null, issues };
}

/** A value or target of the metric as people read it ("2h", "85%"). */
export const formatGoalValue = (metric: GoalMetric, value: number | null) =>
  unitOf(metric) === 'ms' ? formatMs(value) : formatRate(value);

/** How far along the bar the value and the target sit (0–1), the target at 80 % or less. */
export function barOf(value: number | null, target: number) {
  const scale = Math.max(value ?? 0, target / 0.8) || 1;
  return { value: (value ?? 0) / scale, target: target / scale };
}

export function timeframeLabel(t: GoalTimeframe): string {
  switch (t.kind) {
    case 'week':
      return 'This week';
    case 'month':
      return 'This month';
    case 'quarter':
      return 'This quarter';
    case 'custom':
      return `${t.from} to ${t.to}`;
  }
}
