import type {
  BusinessCalendar,
  Conversation,
  SlaPolicy,
  SlaState,
  SlaTargetKind,
  SlaTargetState,
} from '../../lib/schema';
import { clockOf, matchPolicy, parseIsoInstant, slaState, type WorkingTime } from '../../lib/sla';
import { type LoggedEvent, slaHistory } from './sla-history';
import { slaSubject, type Team } from './sla-subject';

/** What evaluating any conversation of a workspace needs, read once. */
export type SlaSetup = {
  policies: SlaPolicy[];
  calendars: ReadonlyMap<string, BusinessCalendar>;
  team: Team;
};

export type AlertKind = 'warning' | 'breach';

/** An instant at which a target warns or breaches, and whether that has happened by now. */
export type AlertPoint = {
  target: SlaTargetKind;
  /** 0, or the index of a next-response clock. */
  clock: number;
  kind: AlertKind;
  at: number;
  reached: boolean;
  state: SlaTargetState;
};

export type SlaSnapshot = {
  sla: SlaState | null;
  dueAt: string | null;
  points: AlertPoint[];
};

/** A point that should have been reached but was not (a pause the schedule did not know). */
const RECHECK_MS = 5 * 60_000;

/** The policy an automation applied (while it exists), else the first matching one. */
export function policyFor(conversation: Conversation, setup: Pick<SlaSetup, 'policies' | 'team'>) {
  const applied = conversation.slaPolicyId
    ? setup.policies.find((p) => p.id === conversation.slaPolicyId)
    : undefined;
  return applied ?? matchPolicy(setup.policies, slaSubject(conversation, setup.team));
}

/** The conversation's SLA at `now`: its policy evaluated on its history. */
export function slaSnapshot(
  conversation: Conversation,
  events: readonly LoggedEvent[],
  setup: SlaSetup,
  now: Date,
): SlaSnapshot {
  const policy = policyFor(conversation, setup);
  if (!policy) return { sla: null, dueAt: null, points: [] };
  const calendar = policy.calendarId ? (setup.calendars.get(policy.calendarId) ?? null) : null;
  const history = slaHistory(conversation, events);
  const sla = slaState({ policy, calendar, history, now });
  return {
    sla,
    dueAt: sla.dueAt,
    points: alertPoints(sla, clockOf(policy, calendar), now.getTime()),
  };
}

function alertPoints(sla: SlaState, time: WorkingTime, now: number): AlertPoint[] {
  const targets: [SlaTargetState | null, number][] = [
    [sla.firstResponse, 0],
    ...sla.nextResponses.map((t, i): [SlaTargetState, number] => [t, i]),
    [sla.resolution, 0],
  ];
  return targets.flatMap(([state, clock]) => (state ? pointsOf(state, clock, time, now) : []));
}

/**
 * A breached target's breach has happened (whether or not it was since met). A target
 * still counting warns at `warnAt` and breaches once it uses more than its target: the
 * first working instant after `dueAt`, since a target used up at a closing is still met
 * until the next opening.
 */
function pointsOf(
  state: SlaTargetState,
  clock: number,
  time: WorkingTime,
  now: number,
): AlertPoint[] {
  // Literal objects, not a spread of shared fields: the sweep makes thousands of these.
  const point = (kind: AlertKind, at: number, reached: boolean): AlertPoint => ({
    target: state.kind,
    clock,
    kind,
    at,
    reached,
    state,
  });
  if (state.state === 'breached') {
    return [point('breach', state.dueAt ? parseIsoInstant(state.dueAt) : now, true)];
  }
  if (state.completedAt !== null) return [];
  const points: AlertPoint[] = [];
  if (state.warnAt !== null) {
    const at = parseIsoInstant(state.warnAt);
    points.push(point('warning', at, at <= now));
  }
  if (state.dueAt !== null) {
    points.push(point('breach', time.advance(parseIsoInstant(state.dueAt), 1), false));
  }
  return points;
}

/**
 * When the sweep should look at the conversation again. After a change, reached points
 * count too (their alert may not be recorded yet); after a sweep has recorded them, only
 * the points still ahead.
 */
export function nextCheckAt(
  points: readonly AlertPoint[],
  now: Date,
  reachedHandled: boolean,
): Date | null {
  const at = now.getTime();
  const times = points
    .filter((p) => !(reachedHandled && p.reached))
    .map((p) => (p.reached || p.at > at ? p.at : at + RECHECK_MS));
  return times.length ? new Date(Math.min(...times)) : null;
}

const targetShape = (t: SlaTargetState | null) =>
  t && [t.kind, t.state, t.startedAt, t.dueAt, t.warnAt, t.completedAt];

/**
 * Whether two evaluations differ in more than the time used, which moves with the clock:
 * only a different state, due or warning time is worth a new version.
 */
export function sameSla(a: SlaState | null, b: SlaState | null): boolean {
  const shape = (s: SlaState | null) =>
    s && [
      s.policyId,
      s.dueAt,
      targetShape(s.firstResponse),
      s.nextResponses.map(targetShape),
      targetShape(s.resolution),
    ];
  return JSON.stringify(shape(a)) === JSON.stringify(shape(b));
}
