import type { TeamRouting } from '../../lib/schema';

/** A team member as routing sees them at one instant. */
export type Candidate = {
  id: string;
  name: string;
  active: boolean;
  available: boolean;
  /** Null: unlimited. */
  capacity: number | null;
  /** Conversations assigned to them that are not closed. */
  open: number;
  skills: readonly string[];
  /** When they can answer (epoch ms): `now` while working, else their next opening. */
  answersAt: number;
};

export type RoutingSubject = {
  routing: TeamRouting;
  /** Round-robin's place: whoever got the previous conversation. */
  lastAssignedId: string | null;
  tags: readonly string[];
  /** The conversation's SLA due time (epoch ms), if any. */
  dueAt: number | null;
  now: number;
};

export type Choice = { memberId: string | null; reason: string };

type Exclusion = 'deactivated' | 'away' | 'at capacity' | 'out of hours';

/**
 * Who of the team gets the conversation, and why in words. Manual routing leaves it in the
 * team queue. Round-robin takes the next eligible member after the last one (by id, wrapping);
 * load-balanced the one with the fewest open conversations, ties in round-robin order.
 * Deadline-aware routing of a conversation with a due time ranks by when each can answer,
 * then load, and lets members who are out of hours but open before the due time compete.
 */
export function rankMembers(candidates: readonly Candidate[], subject: RoutingSubject): Choice {
  const { routing } = subject;
  if (routing.mode === 'manual')
    return { memberId: null, reason: 'manual: stays in the team queue' };
  if (candidates.length === 0)
    return { memberId: null, reason: 'no member available: the team has no members' };

  const skilled = bySkills(candidates, subject);
  if (skilled.length === 0)
    return { memberId: null, reason: 'no member available: nobody has the skills' };

  const deadline = routing.deadlineAware && subject.dueAt !== null;
  const excluded = new Map<Exclusion, number>();
  const eligible = skilled.filter((c) => {
    const why = exclusion(c, subject.now, deadline);
    if (why) excluded.set(why, (excluded.get(why) ?? 0) + 1);
    return !why;
  });
  if (eligible.length === 0) return { memberId: null, reason: noneAvailable(excluded) };

  const order = roundRobinOrder(eligible, subject.lastAssignedId);
  if (deadline) return byDeadline(order, subject.dueAt!, subject.now);
  if (routing.mode === 'round_robin') return pick(order[0]!, `round-robin: ${order[0]!.name}`);
  const least = [...order].sort((a, b) => a.open - b.open)[0]!;
  return pick(least, `load-balanced: ${least.name} (${least.open} open)`);
}

/** With skills on, the conversation's tags that anyone knows narrow the team to who knows one. */
function bySkills(candidates: readonly Candidate[], subject: RoutingSubject) {
  if (!subject.routing.useSkills) return candidates;
  const tags = new Set(subject.tags.map((t) => t.toLowerCase()));
  const knows = (c: Candidate) => c.skills.some((s) => tags.has(s.toLowerCase()));
  return candidates.some(knows) ? candidates.filter(knows) : candidates;
}

function exclusion(c: Candidate, now: number, deadline: boolean): Exclusion | null {
  if (!c.active) return 'deactivated';
  if (!c.available) return 'away';
  if (c.capacity !== null && c.open >= c.capacity) return 'at capacity';
  // Deadline-aware routing weighs the next opening instead of refusing it.
  if (c.answersAt > now && !deadline) return 'out of hours';
  return null;
}

function noneAvailable(excluded: ReadonlyMap<Exclusion, number>) {
  if (excluded.size === 1) return `no member available: all ${[...excluded.keys()][0]}`;
  const parts = [...excluded].map(([why, n]) => `${n} ${why}`);
  return `no member available: ${parts.join(', ')}`;
}

/** Stable order by id, starting after the last member assigned. */
function roundRobinOrder(candidates: readonly Candidate[], lastAssignedId: string | null) {
  const sorted = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (lastAssignedId === null) return sorted;
  const next = sorted.findIndex((c) => c.id > lastAssignedId);
  return next <= 0 ? sorted : [...sorted.slice(next), ...sorted.slice(0, next)];
}

/** Soonest to answer, then least loaded; those who cannot answer in time only if nobody can. */
function byDeadline(order: readonly Candidate[], dueAt: number, now: number): Choice {
  const inTime = order.filter((c) => c.answersAt < dueAt);
  const pool = inTime.length > 0 ? inTime : order;
  const best = [...pool].sort((a, b) => a.answersAt - b.answersAt || a.open - b.open)[0]!;
  const when =
    best.answersAt <= now ? 'can answer now' : `opens at ${new Date(best.answersAt).toISOString()}`;
  const late = inTime.length > 0 ? '' : ', nobody can before the due time';
  return pick(best, `deadline-aware: ${best.name} ${when}${late}`);
}

const pick = (c: Candidate, reason: string): Choice => ({ memberId: c.id, reason });
