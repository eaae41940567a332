import { GOAL_METRICS, type Goal, type GoalProgress } from '../../lib/schema';
import type { Db } from '../db/open';
import { ApiFailure } from '../http/errors';
import { timeframePeriod } from './periods';
import { reportSummary } from './summary';

const iso = (ms: number) => new Date(ms).toISOString();

/** A goal's metric over its timeframe so far: the figure `reportSummary` gives that range. */
export async function goalProgress(
  db: Db,
  workspaceId: string,
  goal: Goal,
  timeZone: string,
  now: Date,
): Promise<GoalProgress> {
  const period = timeframePeriod(timeZone, goal.timeframe, now);
  const until = Math.min(period.to, now.getTime());
  const base = { from: iso(period.from), to: iso(period.to), asOf: now.toISOString(), timeZone };
  const none = (problem: string | null) => ({
    ...base,
    value: null,
    samples: 0,
    onTrack: false,
    problem,
  });
  if (until <= period.from) return none(null);
  let summary: Awaited<ReturnType<typeof reportSummary>>;
  try {
    summary = await reportSummary(
      db,
      workspaceId,
      { ...goal.filters, from: base.from, to: iso(until), clock: 'calendar', timeZone },
      now,
    );
  } catch (e) {
    // A filter that no longer reads (its team deleted) spoils this goal, not the list.
    if (e instanceof ApiFailure && e.status === 400) return none(e.message);
    throw e;
  }
  const { value, samples } = GOAL_METRICS[goal.metric].read(summary.figures);
  const onTrack =
    value !== null && (goal.comparison === 'atMost' ? value <= goal.target : value >= goal.target);
  return { ...base, value, samples, onTrack, problem: null };
}
