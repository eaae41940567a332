import type { Conversation } from '../schema/conversation';
import type {
  BusinessCalendar,
  SlaPolicy,
  SlaState,
  SlaTargetKind,
  SlaTargetState,
} from '../schema/sla';
import type { WorkingTime } from './calendar';
import { clockOf } from './evaluate';
import { countdownLabel } from './format';

/** A policy and the clock it counts in, ready to measure. */
export interface PolicyClock {
  policy: SlaPolicy;
  time: WorkingTime;
}

export type PolicyClocks = ReadonlyMap<string, PolicyClock>;

/**
 * Every policy whose clock can be built, by id. A business policy whose calendar is not
 * known (yet) is left out, so its conversations show no countdown rather than a wrong one.
 * Keep the calendar objects between calls: each compiles once (docs/sla.md, Cost).
 */
export function policyClocks(
  policies: readonly SlaPolicy[],
  calendars: readonly BusinessCalendar[],
): Map<string, PolicyClock> {
  const byId = new Map(calendars.map((c) => [c.id, c]));
  const clocks = new Map<string, PolicyClock>();
  for (const policy of policies) {
    const calendar = policy.calendarId ? (byId.get(policy.calendarId) ?? null) : null;
    if (policy.clock === 'business' && !calendar) continue;
    clocks.set(policy.id, { policy, time: clockOf(policy, calendar) });
  }
  return clocks;
}

export type CountdownTone = 'neutral' | 'amber' | 'red';

/** What a target is called where there is room for its name. */
export const TARGET_NAMES: Record<SlaTargetKind, string> = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
};

/** One target as a countdown shows it at `now`. */
export interface Countdown {
  kind: SlaTargetKind;
  /** 0, or the index of a next-response clock. */
  clock: number;
  /**
   * The target at `now`: `state`, `usedMs` and `remainingMs` (negative when overdue) are
   * live; due, warning and completion times are the snapshot's.
   */
  target: SlaTargetState;
  /** Still owed: neither met nor missed. */
  counting: boolean;
  /** Counting, but stopped while the conversation waits (pending, snoozed). */
  paused: boolean;
  /** When a paused clock starts again by itself (a snooze's end); null if not known. */
  resumesAt: number | null;
  /** Counting, not overdue, past its warning time: at risk. */
  warning: boolean;
  tone: CountdownTone;
  /** "FR 12m", "NR paused 40m", "RES overdue 1h 3m", "FR met". */
  label: string;
}

export interface ConversationCountdowns extends PolicyClock {
  /** First response, the newest next response, resolution: those the policy tracks. */
  countdowns: Countdown[];
}

export type CountdownSubject = Pick<Conversation, 'sla' | 'status' | 'snoozedUntil'>;

/**
 * Whether the conversation's status stops its clocks at `now`: null when they count,
 * else when they start again (Infinity while that is not known).
 */
function pausedUntil(
  { status, snoozedUntil }: CountdownSubject,
  policy: SlaPolicy,
  now: number,
): number | null {
  if (!policy.pauseWhen.some((paused) => paused === status)) return null;
  if (status !== 'snoozed' || snoozedUntil === null) return Infinity;
  const until = Date.parse(snoozedUntil);
  return until > now ? until : null;
}

/**
 * The target at `now` from its snapshot. A clock that counts is measured on the policy's
 * clock between now and its due time, so overdue is business time past due (DESIGN.md §5):
 * due at a closing, it stays "0m" until the next opening. A paused clock keeps what the
 * snapshot counted, since nothing has counted since it paused.
 */
function liveTarget(
  snapshot: SlaTargetState,
  time: WorkingTime,
  paused: boolean,
  now: number,
): SlaTargetState {
  if (snapshot.completedAt !== null) return snapshot;
  if (paused || snapshot.dueAt === null) {
    const state = snapshot.remainingMs < 0 ? 'breached' : paused ? 'paused' : snapshot.state;
    return { ...snapshot, state };
  }
  const due = Date.parse(snapshot.dueAt);
  const remainingMs = now <= due ? time.measure(now, due) : -time.measure(due, now);
  const targetMs = snapshot.usedMs + snapshot.remainingMs;
  return {
    ...snapshot,
    state: remainingMs < 0 ? 'breached' : 'running',
    usedMs: Math.max(0, targetMs - remainingMs),
    remainingMs,
  };
}

function countdownOf(
  snapshot: SlaTargetState,
  clock: number,
  time: WorkingTime,
  pause: number | null,
  now: number,
): Countdown {
  const counting = snapshot.completedAt === null;
  const paused = counting && pause !== null;
  const target = liveTarget(snapshot, time, paused, now);
  const breached = target.state === 'breached';
  const warning =
    counting && !breached && target.warnAt !== null && Date.parse(target.warnAt) <= now;
  return {
    kind: target.kind,
    clock,
    target,
    counting,
    paused,
    resumesAt: paused && pause !== Infinity ? pause : null,
    warning,
    tone: breached ? 'red' : warning ? 'amber' : 'neutral',
    label: countdownLabel(target),
  };
}

/**
 * The conversation's countdowns at `now`, from the API's snapshot (`Conversation.sla`) and
 * its policy's clock; null when no policy applies or its clock is not known here.
 */
export function conversationCountdowns(
  conversation: CountdownSubject,
  clocks: PolicyClocks,
  now: number,
): ConversationCountdowns | null {
  const sla: SlaState | null = conversation.sla;
  const clock = sla && clocks.get(sla.policyId);
  if (!sla || !clock) return null;
  const pause = pausedUntil(conversation, clock.policy, now);
  const lastNext = sla.nextResponses.length - 1;
  const targets: [SlaTargetState | null | undefined, number][] = [
    [sla.firstResponse, 0],
    [sla.nextResponses[lastNext], lastNext],
    [sla.resolution, 0],
  ];
  return {
    ...clock,
    countdowns: targets.flatMap(([snapshot, index]) =>
      snapshot ? [countdownOf(snapshot, index, clock.time, pause, now)] : [],
    ),
  };
}

/**
 * The countdown a one-chip view shows: of those still owed, one that counts before a
 * paused one, then the least time left (the most overdue first).
 */
export function mostUrgent(countdowns: readonly Countdown[]): Countdown | null {
  const owed = countdowns.filter((c) => c.counting);
  owed.sort(
    (a, b) => Number(a.paused) - Number(b.paused) || a.target.remainingMs - b.target.remainingMs,
  );
  return owed[0] ?? null;
}
