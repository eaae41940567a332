import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AuditEntry, AuditPage } from '../../lib/schema';
import type { Db, Tx } from '../db/open';
import { auditLog } from '../db/schema';

export type AuditRecord = {
  actorId: string | null;
  action: string;
  target: string | null;
  summary: Record<string, unknown>;
};

/**
 * An admin request under way: the audit middleware opens it, and the request's first
 * write transaction (server/domain/write.ts) records it, so the entry commits, or rolls
 * back, with the change itself.
 */
export type PendingAudit = {
  /**
   * Read when the write happens, when the route has matched and the body is validated;
   * null when the request is not an audited one after all (an agent's own change).
   */
  describe(): (AuditRecord & { workspaceId: string }) | null;
  recorded: boolean;
};

export const pendingAudit = new AsyncLocalStorage<PendingAudit>();

export async function insertAudit(db: Db | Tx, workspaceId: string, record: AuditRecord, at: Date) {
  await db.insert(auditLog).values({ id: randomUUID(), workspaceId, ...record, at });
}

/** Called inside every write transaction: records the admin request it belongs to, once. */
export async function recordPendingAudit(tx: Tx, workspaceId: string, now: Date) {
  const pending = pendingAudit.getStore();
  if (!pending || pending.recorded) return;
  const entry = pending.describe();
  if (!entry || entry.workspaceId !== workspaceId) return;
  pending.recorded = true;
  const { workspaceId: _, ...record } = entry;
  await insertAudit(tx, workspaceId, record, now);
}

export const toAuditEntry = (r: typeof auditLog.$inferSelect): AuditEntry => ({
  id: r.id,
  actorId: r.actorId,
  action: r.action,
  target: r.target,
  summary: r.summary,
  at: r.at.toISOString(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `before` is opaque to clients: the last entry's time and id. */
const cursorOf = (e: { at: Date; id: string }) => `${e.at.toISOString()}_${e.id}`;

function afterCursor(before: string | undefined): SQL | undefined {
  const [at, id] = before?.split('_') ?? [];
  const time = at ? new Date(at) : null;
  if (!time || Number.isNaN(time.getTime()) || !id || !UUID.test(id)) return undefined;
  return sql`(${auditLog.at}, ${auditLog.id}) < (${time.toISOString()}::timestamptz, ${id}::uuid)`;
}

/** Newest first, `limit` at a time. */
export async function auditPage(
  db: Db,
  workspaceId: string,
  { limit, before }: { limit: number; before?: string },
): Promise<AuditPage> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), afterCursor(before)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    entries: page.map(toAuditEntry),
    next: rows.length > limit ? cursorOf(page.at(-1)!) : null,
  };
}
