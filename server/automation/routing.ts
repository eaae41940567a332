import { and, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Conversation } from '../../lib/schema';
import { workingTime } from '../../lib/sla';
import type { Tx } from '../db/open';
import { conversations, members, slaCalendars, teamMembers, teams } from '../db/schema';
import { toSlaCalendar } from '../domain/records';
import { notFound } from '../http/errors';
import { type Candidate, type Choice, rankMembers } from './rank-members';

/**
 * Picks the member of `teamId` who gets the conversation (or nobody: it stays in the team
 * queue) and moves round-robin's place to them. The caller holds the workspace lock, so
 * reading the loads and then writing the place cannot interleave with another routing.
 */
export async function chooseAssignee(
  tx: Tx,
  workspaceId: string,
  teamId: string,
  conversation: Pick<Conversation, 'tags' | 'dueAt'>,
  now: Date,
): Promise<Choice> {
  const [team] = await tx
    .select({ routing: teams.routing, lastAssignedId: teams.lastAssignedId })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.workspaceId, workspaceId)));
  if (!team) throw notFound('team');
  const choice = rankMembers(await candidates(tx, workspaceId, teamId, now), {
    routing: team.routing,
    lastAssignedId: team.lastAssignedId,
    tags: conversation.tags,
    dueAt: conversation.dueAt ? Date.parse(conversation.dueAt) : null,
    now: now.getTime(),
  });
  if (choice.memberId)
    await tx.update(teams).set({ lastAssignedId: choice.memberId }).where(eq(teams.id, teamId));
  return choice;
}

/** The team's members with their open load and when each can answer. */
async function candidates(
  tx: Tx,
  workspaceId: string,
  teamId: string,
  now: Date,
): Promise<Candidate[]> {
  const rows = await tx
    .select({
      id: members.id,
      name: members.name,
      status: members.status,
      availability: members.availability,
      capacity: members.capacity,
      skills: members.skills,
      calendarId: members.calendarId,
    })
    .from(teamMembers)
    .innerJoin(members, eq(members.id, teamMembers.memberId))
    .where(and(eq(teamMembers.teamId, teamId), eq(members.workspaceId, workspaceId)));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const calendarIds = [...new Set(rows.flatMap((r) => (r.calendarId ? [r.calendarId] : [])))];
  const [loads, calendarRows] = await Promise.all([
    tx
      .select({ id: conversations.assigneeId, open: count() })
      .from(conversations)
      .where(
        and(
          eq(conversations.workspaceId, workspaceId),
          inArray(conversations.assigneeId, ids),
          ne(conversations.status, 'closed'),
          isNull(conversations.deletedAt),
        ),
      )
      .groupBy(conversations.assigneeId),
    calendarIds.length
      ? tx
          .select()
          .from(slaCalendars)
          .where(
            and(
              eq(slaCalendars.workspaceId, workspaceId),
              inArray(slaCalendars.id, calendarIds),
              isNull(slaCalendars.deletedAt),
            ),
          )
      : [],
  ]);
  const openOf = new Map(loads.map((l) => [l.id, Number(l.open)]));
  const calendars = new Map(calendarRows.map((r) => [r.id, toSlaCalendar(r)]));
  const at = now.getTime();
  return rows.map((r) => {
    const calendar = r.calendarId ? calendars.get(r.calendarId) : undefined;
    return {
      id: r.id,
      name: r.name,
      active: r.status === 'active',
      available: r.availability === 'available',
      capacity: r.capacity,
      open: openOf.get(r.id) ?? 0,
      skills: r.skills,
      // No calendar, or one deleted since: they work at any hour.
      answersAt: calendar ? answersAt(workingTime(calendar), at) : at,
    };
  });
}

/** Now while the calendar counts time, else the start of its next working stretch. */
function answersAt(time: ReturnType<typeof workingTime>, now: number) {
  return time.measure(now, now + 1) > 0 ? now : time.advance(now, 1) - 1;
}
