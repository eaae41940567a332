import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/open';
import { events, workspaces } from '../db/schema';
import { notFound } from '../http/errors';
import type { Poke } from '../live/notifier';
import { recordPendingAudit } from './audit';

export type EventInput = {
  type: string;
  conversationId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** One write transaction: every row it touches carries `version`. */
export type Write = {
  tx: Tx;
  workspaceId: string;
  version: number;
  now: Date;
  actorId: string | null;
  event(e: EventInput): Promise<void>;
  /** Sockets of these members close after commit. */
  deactivated: string[];
};

/**
 * Takes the workspace row lock: every writer of the workspace queues here until commit,
 * so versions commit in the order they are given and a pull never skips one. NO KEY
 * UPDATE, because foreign-key checks of rows inserted under the workspace hold KEY SHARE
 * on it: a plain FOR UPDATE after one of them deadlocks two writers.
 */
export async function lockWorkspace(tx: Tx, workspaceId: string): Promise<number> {
  const [row] = await tx
    .select({ version: workspaces.version })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for('no key update');
  if (!row) throw notFound('workspace');
  return row.version;
}

export async function bumpVersion(tx: Tx, workspaceId: string): Promise<number> {
  const [row] = await tx
    .update(workspaces)
    .set({ version: sql`${workspaces.version} + 1` })
    .where(eq(workspaces.id, workspaceId))
    .returning({ version: workspaces.version });
  if (!row) throw notFound('workspace');
  return row.version;
}

export function eventWriter(
  tx: Tx,
  workspaceId: string,
  version: number,
  actorId: string | null,
  now: Date,
) {
  return async (e: EventInput) => {
    await tx.insert(events).values({
      id: randomUUID(),
      workspaceId,
      version,
      actorId,
      conversationId: e.conversationId ?? null,
      type: e.type,
      before: e.before ?? null,
      after: e.after ?? null,
      at: now,
    });
  };
}

/**
 * Every REST write goes through here: bump the workspace version first, do the work,
 * commit, then poke the workspace's live clients.
 */
export async function write<T>(
  database: Database,
  workspaceId: string,
  actorId: string | null,
  now: Date,
  work: (w: Write) => Promise<T>,
): Promise<T> {
  const deactivated: string[] = [];
  const { result, version } = await database.db.transaction(async (tx) => {
    const version = await bumpVersion(tx, workspaceId);
    const event = eventWriter(tx, workspaceId, version, actorId, now);
    const result = await work({ tx, workspaceId, version, now, actorId, event, deactivated });
    await recordPendingAudit(tx, workspaceId, now);
    return { result, version };
  });
  await publish(database, { workspaceId, version, ...(deactivated.length && { deactivated }) });
  return result;
}

/** A failed poke must not fail a committed write: clients also poll. */
export async function publish(database: Database, poke: Poke) {
  try {
    await database.notifier.publish(poke);
  } catch (e) {
    console.error('poke failed', e);
  }
}
