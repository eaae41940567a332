import type { Deps } from '../http/context';
import { sweepSla } from './sweep';

/**
 * Sweeps on a timer, for a long-running Node server; a serverless deployment has its
 * scheduler call POST /v1/sla/sweep instead. A sweep still running when the next is due
 * is not overlapped. Returns a stop that waits for the sweep under way.
 */
export function startSlaSweeper(
  deps: Pick<Deps, 'database' | 'now' | 'sla'>,
  intervalMs: number,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= sweepSla(deps.database, { now: deps.now(), webhook: deps.sla.webhook })
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
