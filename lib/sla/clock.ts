import type { Status } from '../schema/conversation';
import type { SlaEvent } from '../schema/sla';
import { parseIsoInstant } from './iso-instant';

/** A half-open span of instants [start, end); `end` is Infinity while it lasts. */
export interface Span {
  start: number;
  end: number;
}

/** One target's clock before pauses are taken out. */
export interface ClockRun {
  startedAt: number;
  /** Where the clock counts, oldest first; the last ends at Infinity while it counts. */
  active: Span[];
  /** The reply or close that stopped it; null while it counts. */
  completedAt: number | null;
}

export interface Clocks {
  firstResponse: ClockRun;
  nextResponses: ClockRun[];
  resolution: ClockRun;
  /** Time in a pausing status, on the known schedule: a snooze ends at its `until`. */
  pauses: Span[];
}

const run = (at: number): ClockRun => ({
  startedAt: at,
  active: [{ start: at, end: Infinity }],
  completedAt: null,
});

function stop(clock: ClockRun, at: number) {
  clock.active[clock.active.length - 1]!.end = at;
  clock.completedAt = at;
}

/**
 * The clocks of a conversation from its history up to `now`. The history starts at its
 * first `arrived` event (earlier events are ignored); events at one instant apply in the
 * order given. Null when the conversation has not arrived.
 */
export function clocksOf(
  history: readonly SlaEvent[],
  pauseWhen: readonly Status[],
  now: number,
): Clocks | null {
  const events = history
    .map((event) => ({ event, at: parseIsoInstant(event.at) }))
    .filter((e) => e.at <= now)
    .sort((a, b) => a.at - b.at);
  const arrival = events.findIndex((e) => e.event.type === 'arrived');
  if (arrival < 0) return null;

  const arrivedAt = events[arrival]!.at;
  const clocks: Clocks = {
    firstResponse: run(arrivedAt),
    nextResponses: [],
    resolution: run(arrivedAt),
    pauses: [],
  };
  /** The response clock (first or next) counting now, if any. */
  let responding: ClockRun | null = clocks.firstResponse;
  let status = 'open' as Status;
  let snoozeEnd = Infinity;
  let pauseStart = 0;

  const startNextResponse = (at: number) => {
    responding = run(at);
    clocks.nextResponses.push(responding);
  };

  const setStatus = (next: Status, at: number) => {
    const wasPaused = pauseWhen.includes(status);
    const pausing = pauseWhen.includes(next);
    if (!wasPaused && pausing) pauseStart = at;
    if (wasPaused && !pausing) clocks.pauses.push({ start: pauseStart, end: at });
    if (status !== 'closed' && next === 'closed') {
      if (responding) stop(responding, at);
      responding = null;
      stop(clocks.resolution, at);
    }
    if (status === 'closed' && next !== 'closed') {
      // A re-open resumes resolution with its earlier time and owes a new response.
      clocks.resolution.active.push({ start: at, end: Infinity });
      clocks.resolution.completedAt = null;
      startNextResponse(at);
    }
    status = next;
  };

  /** A snooze whose `until` has passed woke the conversation then. */
  const wakeBy = (at: number) => {
    if (status === 'snoozed' && snoozeEnd <= at) setStatus('open', snoozeEnd);
  };

  for (const { event, at } of events.slice(arrival + 1)) {
    wakeBy(at);
    switch (event.type) {
      case 'arrived':
        break;
      case 'customerMessage':
        if (status !== 'closed' && !responding) startNextResponse(at);
        break;
      case 'agentReply':
        if (responding) stop(responding, at);
        responding = null;
        break;
      case 'status':
        setStatus(event.status, at);
        if (event.status === 'snoozed') {
          snoozeEnd = event.until ? Math.max(at, parseIsoInstant(event.until)) : Infinity;
        }
        break;
    }
  }
  wakeBy(now);
  if (pauseWhen.includes(status)) {
    clocks.pauses.push({ start: pauseStart, end: status === 'snoozed' ? snoozeEnd : Infinity });
  }
  return clocks;
}
