import { and, asc, eq, inArray, isNotNull, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { RetentionResult } from '../../lib/schema';
import type { Database, Db, Tx } from '../db/open';
import {
  automationJobs,
  conversations,
  events,
  incidents,
  notes,
  presence,
  presenceLocks,
  reportRollups,
  reportSamples,
  slaAlerts,
  slaWebhookDeliveries,
  surveys,
  workspaces,
} from '../db/schema';
import { bumpVersion, lockWorkspace, publish } from './write';

const DAY_MS = 86_400_000;

/** Rows per transaction: each batch holds the workspace lock briefly. */
export const RETENTION_BATCH = 500;

export type RetentionOptions = {
  now: Date;
  /** One workspace; every workspace with a retention period when absent. */
  workspaceId?: string;
  batchSize?: number;
};

/**
 * The start of the UTC day `days` before `now`. A whole day, not the exact instant, so
 * the set of expired conversations changes once a day: a purge (and the re-bootstrap it
 * costs every client) happens at most daily, whatever the sweep interval.
 */
export function retentionCutoff(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - days * DAY_MS);
}

/**
 * Deletes what a workspace's retention period no longer covers: closed or deleted
 * conversations idle since before the cutoff, with everything about them (notes, events,
 * report samples, alerts, surveys, jobs), the workspace's own events and finished webhook
 * deliveries older than the cutoff. Idempotent: a second run finds nothing.
 */
export async function runRetention(
  database: Database,
  { now, workspaceId, batchSize = RETENTION_BATCH }: RetentionOptions,
): Promise<RetentionResult> {
  const due = await database.db
    .select({ id: workspaces.id, days: workspaces.retentionDays })
    .from(workspaces)
    .where(
      and(
        isNotNull(workspaces.retentionDays),
        workspaceId === undefined ? undefined : eq(workspaces.id, workspaceId),
      ),
    );
  const total: RetentionResult = { workspaces: 0, conversations: 0, events: 0 };
  for (const { id, days } of due) {
    // A look without the lock first: most sweeps of the day find nothing, and take no lock.
    if (days === null || !(await anythingExpired(database.db, id, retentionCutoff(now, days))))
      continue;
    const purged = await purgeWorkspace(database, id, now, batchSize);
    if (purged.conversations || purged.events) total.workspaces++;
    total.conversations += purged.conversations;
    total.events += purged.events;
  }
  return total;
}

const expiredConversation = (workspaceId: string, cutoff: Date) =>
  and(
    eq(conversations.workspaceId, workspaceId),
    lt(conversations.updatedAt, cutoff),
    or(eq(conversations.status, 'closed'), isNotNull(conversations.deletedAt)),
  );

/** The workspace's own entries (settings, tags, templates…), not about a conversation. */
const ownEventBefore = (workspaceId: string, cutoff: Date) =>
  and(eq(events.workspaceId, workspaceId), isNull(events.conversationId), lt(events.at, cutoff));

const finishedDeliveryBefore = (workspaceId: string, cutoff: Date) =>
  and(
    eq(slaWebhookDeliveries.workspaceId, workspaceId),
    lt(slaWebhookDeliveries.createdAt, cutoff),
    ne(slaWebhookDeliveries.status, 'pending'),
  );

async function anythingExpired(db: Db, workspaceId: string, cutoff: Date) {
  const probe = (table: PgTable, where: SQL | undefined) =>
    db.select({ one: sql`1` }).from(table).where(where).limit(1);
  const found = await Promise.all([
    probe(conversations, expiredConversation(workspaceId, cutoff)),
    probe(events, ownEventBefore(workspaceId, cutoff)),
    probe(slaWebhookDeliveries, finishedDeliveryBefore(workspaceId, cutoff)),
  ]);
  return found.some((rows) => rows.length > 0);
}

async function purgeWorkspace(database: Database, workspaceId: string, now: Date, size: number) {
  let conversationCount = 0;
  let eventCount = 0;
  let version: number | null = null;
  for (;;) {
    const batch = await database.db.transaction((tx) => purgeBatch(tx, workspaceId, now, size));
    conversationCount += batch.conversations;
    eventCount += batch.events;
    version = batch.version ?? version;
    if (batch.conversations < size && batch.events < size) break;
  }
  // Connected clients pull at once, get `reset` and bootstrap the remaining records.
  if (version !== null) await publish(database, { workspaceId, version });
  return { conversations: conversationCount, events: eventCount };
}

/**
 * One batch under the workspace lock, like every writer. The period is read under the
 * lock, so an admin who just switched retention off is obeyed.
 */
async function purgeBatch(tx: Tx, workspaceId: string, now: Date, size: number) {
  await lockWorkspace(tx, workspaceId);
  const [ws] = await tx
    .select({ days: workspaces.retentionDays })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!ws || ws.days === null) return { conversations: 0, events: 0, version: null };
  const cutoff = retentionCutoff(now, ws.days);
  const expired = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(expiredConversation(workspaceId, cutoff))
    .orderBy(asc(conversations.updatedAt))
    .limit(size);
  const ids = expired.map((r) => r.id);
  const ownEvents = await deleteOwnEvents(tx, workspaceId, cutoff, size);
  await tx.delete(slaWebhookDeliveries).where(finishedDeliveryBefore(workspaceId, cutoff));
  if (!ids.length) return { conversations: 0, events: ownEvents, version: null };

  const conversationEvents = await deleteConversations(tx, workspaceId, ids);
  // Hard deletes leave no tombstone to pull: a cursor from before them must bootstrap again.
  const version = await bumpVersion(tx, workspaceId);
  await tx.update(workspaces).set({ minCursor: version }).where(eq(workspaces.id, workspaceId));
  return { conversations: ids.length, events: ownEvents + conversationEvents, version };
}

async function deleteOwnEvents(tx: Tx, workspaceId: string, cutoff: Date, size: number) {
  const old = tx
    .select({ id: events.id })
    .from(events)
    .where(ownEventBefore(workspaceId, cutoff))
    .limit(size);
  const deleted = await tx
    .delete(events)
    .where(inArray(events.id, old))
    .returning({ id: events.id });
  return deleted.length;
}

/** The conversations and every row about them; returns how many events went. */
async function deleteConversations(tx: Tx, workspaceId: string, ids: string[]) {
  const about = (scope: AnyPgColumn, conversation: AnyPgColumn) =>
    and(eq(scope, workspaceId), inArray(conversation, ids));
  const idArray = sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::text[]`;
  const [deletedEvents] = await Promise.all([
    tx
      .delete(events)
      .where(about(events.workspaceId, events.conversationId))
      .returning({ id: events.id }),
    tx.delete(notes).where(about(notes.workspaceId, notes.conversationId)),
    tx.delete(reportSamples).where(about(reportSamples.workspaceId, reportSamples.conversationId)),
    tx.delete(reportRollups).where(about(reportRollups.workspaceId, reportRollups.conversationId)),
    tx.delete(slaAlerts).where(about(slaAlerts.workspaceId, slaAlerts.conversationId)),
    tx.delete(surveys).where(about(surveys.workspaceId, surveys.conversationId)),
    tx
      .delete(automationJobs)
      .where(about(automationJobs.workspaceId, automationJobs.conversationId)),
    tx.delete(presence).where(about(presence.workspaceId, presence.conversationId)),
    tx.delete(presenceLocks).where(about(presenceLocks.workspaceId, presenceLocks.conversationId)),
    // An incident keeps its name and times; only the deleted conversations leave its list.
    tx
      .update(incidents)
      .set({
        conversationIds: sql`(select coalesce(jsonb_agg(c), '[]'::jsonb) from jsonb_array_elements_text(${incidents.conversationIds}) c where c <> all(${idArray}))`,
      })
      .where(
        and(
          eq(incidents.workspaceId, workspaceId),
          sql`${incidents.conversationIds} ?| ${idArray}`,
        ),
      ),
  ]);
  await tx.delete(conversations).where(about(conversations.workspaceId, conversations.id));
  return deletedEvents.length;
}
