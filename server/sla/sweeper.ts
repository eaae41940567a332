import { deleteEndedWindows } from '../domain/rate-limit-windows';
import { runRetention } from '../domain/retention';
import type { Deps } from '../http/context';
import { queueWeeklyReviews } from '../reports/weekly-review-sends';
import { sweepSla } from './sweep';

type SweeperDeps = Pick<Deps, 'database' | 'now' | 'sla'>;

/**
 * One scheduled round: drop ended rate-limit windows, queue the weekly reviews due,
 * sweep (which sends deliveries), then purge what the workspaces' retention periods no
 * longer cover (after the sweep, so a failing purge never holds up an SLA alert).
 */
export async function scheduledSweep(deps: SweeperDeps) {
  const now = deps.now();
  await deleteEndedWindows(deps.database.db, now);
  await queueWeeklyReviews(deps.database.db, now);
  const swept = await sweepSla(deps.database, { now, webhook: deps.sla.webhook });
  await runRetention(deps.database, { now });
  return swept;
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
