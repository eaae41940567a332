import { type CountdownSubject, conversationCountdowns, type PolicyClocks } from '../sla';

const MINUTE_MS = 60_000;

/**
 * When a countdown of `conversations` next reads differently: a warning or an overdue that
 * begins, a snooze that ends, and, while a clock counts, the next minute boundary (labels
 * show whole minutes, so minute steps suffice). A clock stopped outside working hours next
 * moves when its office opens. Null when nothing will change by itself.
 */
export function nextLabelChange(
  conversations: readonly CountdownSubject[],
  clocks: PolicyClocks,
  now: number,
): number | null {
  let next = Infinity;
  for (const conversation of conversations) {
    const live = conversationCountdowns(conversation, clocks, now);
    if (!live) continue;
    const { time } = live;
    for (const countdown of live.countdowns) {
      if (!countdown.counting) continue;
      if (countdown.paused) {
        if (countdown.resumesAt !== null) next = Math.min(next, countdown.resumesAt);
        continue;
      }
      const { warnAt, dueAt, state } = countdown.target;
      if (warnAt !== null && !countdown.warning && state === 'running') {
        next = Math.min(next, Date.parse(warnAt));
      }
      // Overdue starts with the first working instant past due, not at the due instant.
      if (dueAt !== null && state === 'running') {
        next = Math.min(next, time.advance(Date.parse(dueAt), 1));
      }
      const countsSoon = time.measure(now, now + MINUTE_MS) > 0;
      next = Math.min(
        next,
        countsSoon ? (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS : time.advance(now, 1) - 1,
      );
    }
  }
  return Number.isFinite(next) ? next : null;
}
