import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/open';
import { events } from '../db/schema';

/** One logged event of a conversation, as the SLA engine and metrics read it. */
export type ConversationEvent = {
  id: string;
  type: string;
  before: unknown;
  after: unknown;
  at: Date;
};

/**
 * The logged events of these types of each conversation, in log order (version, then
 * time), in one query; a conversation without any has no entry.
 */
export async function conversationEvents(
  db: Db | Tx,
  workspaceId: string,
  conversationIds: readonly string[],
  types: readonly string[],
): Promise<Map<string, ConversationEvent[]>> {
  const byConversation = new Map<string, ConversationEvent[]>();
  if (!conversationIds.length) return byConversation;
  const rows = await db
    .select({
      id: events.id,
      conversationId: events.conversationId,
      type: events.type,
      before: events.before,
      after: events.after,
      at: events.at,
    })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        inArray(events.conversationId, [...conversationIds]),
        inArray(events.type, [...types]),
      ),
    )
    .orderBy(asc(events.version), asc(events.at));
  for (const { conversationId, ...event } of rows) {
    if (conversationId === null) continue;
    const list = byConversation.get(conversationId) ?? [];
    list.push(event);
    byConversation.set(conversationId, list);
  }
  return byConversation;
}
