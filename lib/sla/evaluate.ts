import type {
  BusinessCalendar,
  SlaEvent,
  SlaPolicy,
  SlaState,
  SlaTargetKind,
  SlaTargetState,
} from '../schema/sla';
import { elapsedTime, type WorkingTime, workingTime } from './calendar';
import { type ClockRun, clocksOf } from './clock';
import { MINUTE_MS } from './local-time';
import { targetState } from './targets';

export interface SlaInput {
  policy: SlaPolicy;
  /** The policy's calendar; not read for a calendar-time policy. */
  calendar: BusinessCalendar | null;
  history: readonly SlaEvent[];
  now: Date;
}

/** The clock a policy counts in. */
export function clockOf(policy: SlaPolicy, calendar: BusinessCalendar | null): WorkingTime {
  if (policy.clock === 'calendar') return elapsedTime;
  if (!calendar || calendar.id !== policy.calendarId) {
    throw new Error(`policy ${policy.id} needs its calendar ${policy.calendarId}`);
  }
  return workingTime(calendar);
}

/** Clock time used when the warning starts, for a target of `targetMs`. */
function warnAfter(policy: SlaPolicy, targetMs: number): number | null {
  const { warning } = policy;
  if (!warning) return null;
  const before =
    warning.unit === 'minutes' ? warning.value * MINUTE_MS : (targetMs * warning.value) / 100;
  return Math.max(0, targetMs - before);
}

/**
 * The full SLA state of one conversation at `now`: what the countdowns show and what
 * reports count. Pure: the same input gives the same numbers wherever it runs, given the
 * same time zone rules.
 */
export function slaState({ policy, calendar, history, now }: SlaInput): SlaState {
  const time = clockOf(policy, calendar);
  const at = now.getTime();
  const clocks = clocksOf(history, policy.pauseWhen, at);
  if (!clocks) {
    return {
      policyId: policy.id,
      firstResponse: null,
      nextResponses: [],
      resolution: null,
      dueAt: null,
    };
  }
  const evaluate = (kind: SlaTargetKind, run: ClockRun): SlaTargetState | null => {
    const minutes = policy.targets[kind];
    if (minutes === undefined) return null;
    const targetMs = minutes * MINUTE_MS;
    return targetState({
      kind,
      run,
      pauses: clocks.pauses,
      time,
      targetMs,
      warnAfterMs: warnAfter(policy, targetMs),
      now: at,
    });
  };
  const firstResponse = evaluate('firstResponse', clocks.firstResponse);
  const nextResponses = clocks.nextResponses.flatMap((run) => evaluate('nextResponse', run) ?? []);
  const resolution = evaluate('resolution', clocks.resolution);
  // ISO instants of one format sort as they happen.
  const dueAt =
    [firstResponse, ...nextResponses, resolution]
      .flatMap((t) => (t && t.completedAt === null && t.dueAt ? [t.dueAt] : []))
      .sort()[0] ?? null;
  return { policyId: policy.id, firstResponse, nextResponses, resolution, dueAt };
}
