import { deleteEndedWindows } from '../domain/rate-limit-windows';
import type { Deps } from '../http/context';
import { queueWeeklyReviews } from '../reports/weekly-review-sends';
import { sweepSla } from './sweep';

type SweeperDeps = Pick<Deps, 'database' | 'now' | 'sla'>;

/**
 * One scheduled round: drop ended rate-limit windows, queue the weekly reviews due, then
 * sweep (which sends deliveries).
 */
export async function scheduledSweep(deps: SweeperDeps) {
  const now = deps.now();
  await deleteEndedWindows(deps.database.db, now);
  await queueWeeklyReviews(deps.database.db, now);
  return sweepSla(deps.database, { now, webhook: deps.sla.webhook });
}

/**
 * Sweeps on a timer, for a long-running Node server; a serverless deployment has its
 * scheduler call POST /v1/sla/sweep instead. A sweep still running when the next is due
 * is not overlapped. Returns a stop that waits for the sweep under way.
 */
export function startSlaSweeper(deps: SweeperDeps, intervalMs: number): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= scheduledSweep(deps)
      .then(
        () => undefined,
        (e) => console.error('SLA sweep failed; the next one tries again', e),
      )
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
