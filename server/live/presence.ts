import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { PresenceEntry, PresenceState } from '../../lib/schema';
import type { Database, Db, Tx } from '../db/open';
import { presence, presenceLocks } from '../db/schema';

/** A row lives this long unless renewed; clients renew about every 10 s. */
export const PRESENCE_TTL_MS = 30_000;
/** Entries told per conversation: keeps a notice well inside NOTIFY's 8000 bytes. */
const MAX_ENTRIES = 30;

type Where = { workspaceId: string; conversationId: string };

const columns = {
  conversationId: presence.conversationId,
  memberId: presence.memberId,
  state: presence.state,
  expiresAt: presence.expiresAt,
};

const toEntry = (row: {
  conversationId: string;
  memberId: string;
  state: PresenceState;
  expiresAt: Date;
}): PresenceEntry => ({ ...row, expiresAt: row.expiresAt.toISOString() });

/** The conversation's unexpired entries, those replying first. */
async function entriesOf(db: Db | Tx, { workspaceId, conversationId }: Where, now: Date) {
  const rows = await db
    .select(columns)
    .from(presence)
    .where(
      and(
        eq(presence.workspaceId, workspaceId),
        eq(presence.conversationId, conversationId),
        gt(presence.expiresAt, now),
      ),
    )
    .orderBy(sql`${presence.state} = 'replying' desc`, asc(presence.memberId))
    .limit(MAX_ENTRIES);
  return rows.map(toEntry);
}

/**
 * Sets (or with `state: null` removes) one member's presence on a conversation and answers
 * the conversation's entries as they are after it. Writes to one conversation queue on the
 * conversation's row in `presence_locks`, so each answer includes every write before it.
 * Expired rows of the workspace go at the same time.
 */
export async function setPresence(
  database: Database,
  where: Where & { memberId: string; state: PresenceState | null },
  now: Date,
): Promise<PresenceEntry[]> {
  const { workspaceId, conversationId, memberId, state } = where;
  return database.db.transaction(async (tx) => {
    await tx
      .insert(presenceLocks)
      .values({ workspaceId, conversationId })
      .onConflictDoUpdate({
        target: [presenceLocks.workspaceId, presenceLocks.conversationId],
        set: { conversationId },
      });
    await tx
      .delete(presence)
      .where(and(eq(presence.workspaceId, workspaceId), lte(presence.expiresAt, now)));
    if (state) {
      const expiresAt = new Date(now.getTime() + PRESENCE_TTL_MS);
      await tx
        .insert(presence)
        .values({ workspaceId, conversationId, memberId, state, expiresAt })
        .onConflictDoUpdate({
          target: [presence.workspaceId, presence.conversationId, presence.memberId],
          set: { state, expiresAt },
        });
    } else {
      await tx
        .delete(presence)
        .where(
          and(
            eq(presence.workspaceId, workspaceId),
            eq(presence.conversationId, conversationId),
            eq(presence.memberId, memberId),
          ),
        );
    }
    return entriesOf(tx, where, now);
  });
}

/** Every conversation of the workspace someone is on now, with its entries. */
export async function workspacePresence(
  database: Database,
  workspaceId: string,
  now: Date,
): Promise<Map<string, PresenceEntry[]>> {
  const rows = await database.db
    .select(columns)
    .from(presence)
    .where(and(eq(presence.workspaceId, workspaceId), gt(presence.expiresAt, now)))
    .orderBy(
      asc(presence.conversationId),
      sql`${presence.state} = 'replying' desc`,
      asc(presence.memberId),
    );
  const byConversation = new Map<string, PresenceEntry[]>();
  for (const row of rows) {
    const entries = byConversation.get(row.conversationId) ?? [];
    if (entries.length < MAX_ENTRIES) entries.push(toEntry(row));
    byConversation.set(row.conversationId, entries);
  }
  return byConversation;
}

/** Removes a member's presence on these conversations (their socket closed). */
export async function leaveAll(
  database: Database,
  where: { workspaceId: string; memberId: string; conversationIds: string[] },
  now: Date,
): Promise<Map<string, PresenceEntry[]>> {
  const { workspaceId, memberId, conversationIds } = where;
  const left = new Map<string, PresenceEntry[]>();
  if (conversationIds.length === 0) return left;
  await database.db
    .delete(presence)
    .where(
      and(
        eq(presence.workspaceId, workspaceId),
        eq(presence.memberId, memberId),
        inArray(presence.conversationId, conversationIds),
      ),
    );
  for (const conversationId of conversationIds) {
    left.set(conversationId, await entriesOf(database.db, { workspaceId, conversationId }, now));
  }
  return left;
}
