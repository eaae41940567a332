import type { BusinessCalendar, SlaPolicy } from '../schema/sla';
import { elapsedTime, type WorkingTime, workingTime } from '../sla';

/** The largest target a policy may hold (366 days): a measuring clock never runs out. */
const NEVER_MINUTES = 60 * 24 * 366;

/** The clock durations are measured in: a calendar's business hours, or elapsed time. */
export function measuringTime(calendar: BusinessCalendar | null): WorkingTime {
  return calendar ? workingTime(calendar) : elapsedTime;
}

/**
 * A policy that only measures: every target tracked and never reached, in `calendar`'s
 * business time (elapsed time without one), paused like the conversation's policy. The SLA
 * engine evaluated with it gives each clock's `usedMs`, so a metric counts time exactly as
 * the countdowns do (pauses, re-opens, snooze ends, closings, DST).
 */
export function measuringPolicy(
  calendar: BusinessCalendar | null,
  pauseWhen: SlaPolicy['pauseWhen'],
): SlaPolicy {
  return {
    id: 'measuring',
    name: 'measuring',
    position: 0,
    conditions: { priorities: [], tags: [], mailboxes: [], customerDomains: [], segments: [] },
    targets: {
      firstResponse: NEVER_MINUTES,
      nextResponse: NEVER_MINUTES,
      resolution: NEVER_MINUTES,
    },
    clock: calendar ? 'business' : 'calendar',
    pauseWhen,
    warning: null,
    calendarId: calendar?.id ?? null,
  };
}
