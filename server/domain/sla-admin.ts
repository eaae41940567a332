import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Db, Tx } from '../db/open';
import { slaCalendars, slaPolicies } from '../db/schema';
import { ApiFailure, notFound } from '../http/errors';
import { invalidBody } from '../http/validate';
import { sweepWorkspace } from '../sla/sweep';

/** The record a create or an edit would store, held to its whole-record rules (else 400). */
export function validRecord<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidBody(parsed.error);
  return parsed.data;
}

/** An edit made from an older version than the record's: 409 with the current record. */
export function staleCheck(current: { version: number }, expectedVersion: number, what: string) {
  if (current.version !== expectedVersion)
    throw new ApiFailure(
      409,
      'conflict',
      `The ${what} changed meanwhile (version ${current.version}, you edited ${expectedVersion})`,
      undefined,
      { current },
    );
}

/** The live calendar, else 404. */
export async function liveCalendarRow(db: Db | Tx, workspaceId: string, id: string) {
  const row = await findCalendarRow(db, workspaceId, id);
  if (!row) throw notFound('calendar');
  return row;
}

export async function findCalendarRow(db: Db | Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(slaCalendars)
    .where(
      and(
        eq(slaCalendars.id, id),
        eq(slaCalendars.workspaceId, workspaceId),
        isNull(slaCalendars.deletedAt),
      ),
    );
  return row;
}

/** The live policies in match order. */
export function livePolicyRows(db: Db | Tx, workspaceId: string) {
  return db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.workspaceId, workspaceId), isNull(slaPolicies.deletedAt)))
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
}

/** What a request evaluates before it answers; a larger workspace's rest waits for the sweep. */
const IN_REQUEST = { batchSize: 500, maxBatches: 20 };

/**
 * After a policy or calendar change has committed, the open conversations it marked are
 * evaluated at once. A failure here leaves them marked: the next sweep does it.
 */
export async function recomputeMarked(database: Database, workspaceId: string, now: Date) {
  try {
    await sweepWorkspace(database, workspaceId, now, IN_REQUEST);
  } catch (e) {
    console.error('SLA recompute failed; the next sweep retries it', e);
  }
}
