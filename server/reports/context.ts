import { and, eq } from 'drizzle-orm';
import { conversationFacts } from '../../lib/metrics';
import type { MetricEvent } from '../../lib/metrics/timeline';
import type {
  BusinessCalendar,
  Conversation,
  ConversationFacts,
  ReportClock,
  SlaPolicy,
} from '../../lib/schema';
import type { Db } from '../db/open';
import { teamMembers, teams } from '../db/schema';
import { loadSlaSetup } from '../domain/sla-setup';
import { policyFor, type SlaSetup } from '../domain/sla-snapshot';
import { ApiFailure } from '../http/errors';

/** What turning any conversation of a workspace into facts needs, read once per request. */
export type ReportContext = {
  setup: SlaSetup;
  clock: ReportClock;
  /** Business time of a conversation whose policy counts calendar time (or has none). */
  defaultCalendar: BusinessCalendar | null;
  timeZone: string;
  /** Members of the `teamId` filter; null without one. */
  teamMemberIds: string[] | null;
};

const badQuery = (path: string, message: string) =>
  new ApiFailure(400, 'invalid_query', `Invalid query: ${path}: ${message}`, [{ path, message }]);

/**
 * The workspace's policies, calendars and team addresses, the calendar business time is
 * counted in when a conversation's own policy has none (the calendar of the first
 * business-time policy, else the first calendar by name) and the zone days are cut in.
 */
export async function reportContext(
  db: Db,
  workspaceId: string,
  options: { clock: ReportClock; timeZone?: string | undefined; teamId?: string | undefined },
): Promise<ReportContext> {
  const setup = await loadSlaSetup(db, workspaceId);
  const ordered = [...setup.policies].sort((a, b) => a.position - b.position);
  const fromPolicy = ordered.find((p) => p.clock === 'business' && p.calendarId);
  const byName = [...setup.calendars.values()].sort((a, b) => a.name.localeCompare(b.name));
  const defaultCalendar =
    (fromPolicy?.calendarId && setup.calendars.get(fromPolicy.calendarId)) || byName[0] || null;
  if (options.clock === 'business' && !defaultCalendar)
    throw badQuery('clock', 'business time needs a business calendar; the workspace has none');
  let teamMemberIds: string[] | null = null;
  if (options.teamId) {
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, options.teamId)));
    if (!team) throw badQuery('teamId', 'no such team in this workspace');
    const rows = await db
      .select({ memberId: teamMembers.memberId })
      .from(teamMembers)
      .where(eq(teamMembers.teamId, options.teamId));
    teamMemberIds = rows.map((r) => r.memberId);
  }
  return {
    setup,
    clock: options.clock,
    defaultCalendar,
    timeZone: options.timeZone ?? defaultCalendar?.timeZone ?? 'UTC',
    teamMemberIds,
  };
}

function policyCalendar(ctx: ReportContext, policy: SlaPolicy): BusinessCalendar | null {
  return policy.calendarId ? (ctx.setup.calendars.get(policy.calendarId) ?? null) : null;
}

/**
 * One conversation's facts: its policy is the one the countdowns use (first match on its
 * current fields); business time is its policy's calendar, else the default calendar.
 */
export function factsFor(
  ctx: ReportContext,
  conversation: Conversation,
  events: readonly MetricEvent[],
  now: Date,
): ConversationFacts {
  const policy = policyFor(conversation, ctx.setup);
  const own = policy && policy.clock === 'business' ? policyCalendar(ctx, policy) : null;
  // A business policy whose calendar is gone has no SLA, as for the snapshot (clockOf throws).
  const sla = policy && (policy.clock === 'calendar' || own) ? { policy, calendar: own } : null;
  return conversationFacts({
    conversation,
    events,
    sla,
    businessCalendar: ctx.clock === 'business' ? (own ?? ctx.defaultCalendar) : null,
    now,
  });
}
