import { and, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open';
import { conversations, members, slaCalendars, slaPolicies, workspaces } from '../db/schema';
import { conversationEvents } from './conversation-events';
import { toSlaCalendar, toSlaPolicy } from './records';
import { type LoggedEvent, SLA_EVENT_TYPES } from './sla-history';
import type { SlaSetup } from './sla-snapshot';
import { teamOf } from './sla-subject';
import type { Write } from './write';

/**
 * The workspace's live policies and calendars and its team's addresses: every member's,
 * or those of the members `onlyMembers` selects (what one conversation needs to know).
 */
export async function loadSlaSetup(
  db: Db | Tx,
  workspaceId: string,
  onlyMembers?: SQL,
): Promise<SlaSetup> {
  const [policyRows, calendarRows, memberRows, workspaceRows] = await Promise.all([
    db
      .select()
      .from(slaPolicies)
      .where(and(eq(slaPolicies.workspaceId, workspaceId), isNull(slaPolicies.deletedAt))),
    db
      .select()
      .from(slaCalendars)
      .where(and(eq(slaCalendars.workspaceId, workspaceId), isNull(slaCalendars.deletedAt))),
    db
      .select({ email: members.email })
      .from(members)
      .where(and(eq(members.workspaceId, workspaceId), onlyMembers)),
    db
      .select({ mailboxes: workspaces.mailboxes })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId)),
  ]);
  return {
    policies: policyRows.map(toSlaPolicy),
    calendars: new Map(calendarRows.map((r) => [r.id, toSlaCalendar(r)])),
    team: teamOf(
      memberRows.map((m) => m.email),
      workspaceRows[0]?.mailboxes ?? [],
    ),
  };
}

/**
 * The members a conversation can name: its participants and the addresses an upsert is
 * about to add. Telling the team from the customer needs no one else.
 */
export function teamCandidates(workspaceId: string, conversationId: string, adding: string[]) {
  const participants = sql`(select p->>'email' from ${conversations},
    jsonb_array_elements(${conversations.participants}) p
    where ${conversations.workspaceId} = ${workspaceId} and ${conversations.id} = ${conversationId})`;
  return or(inArray(members.email, adding), sql`${members.email} in ${participants}`);
}

/** The logged events that make up the SLA history of each conversation, oldest first. */
export const loggedSlaEvents = (
  db: Db | Tx,
  workspaceId: string,
  conversationIds: readonly string[],
): Promise<Map<string, LoggedEvent[]>> =>
  conversationEvents(db, workspaceId, conversationIds, SLA_EVENT_TYPES);

/**
 * After a policy or calendar change every conversation still open may match another
 * policy or count differently: the sweep looks at each of them again, right away.
 */
export async function markOpenForSlaCheck(w: Write) {
  await w.tx
    .update(conversations)
    .set({ slaCheckAt: w.now })
    .where(
      and(
        eq(conversations.workspaceId, w.workspaceId),
        isNull(conversations.deletedAt),
        ne(conversations.status, 'closed'),
      ),
    );
}
