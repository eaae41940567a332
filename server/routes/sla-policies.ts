import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  ReorderSlaPolicies,
  SlaPolicyInput,
  SlaPolicyRecord,
  UpdateSlaPolicy,
} from '../../lib/schema';
import { slaPolicies } from '../db/schema';
import { toSlaPolicy } from '../domain/records';
import {
  findCalendarRow,
  livePolicyRows,
  recomputeMarked,
  staleCheck,
  validRecord,
} from '../domain/sla-admin';
import { markOpenForSlaCheck } from '../domain/sla-setup';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

const PolicyId = params(z.object({ id: z.uuid() }), 'policy');

/**
 * SLA policies: every member reads them, admins write them. Every change has the open
 * conversations evaluated again before the answer, so the next pull has their new SLA.
 */
export function slaPolicyRoutes(deps: Deps) {
  const { database } = deps;
  const admin = requireRole('admin');
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/', async (c) => {
      const rows = await livePolicyRows(database.db, c.var.member.workspaceId);
      return c.json(rows.map(toSlaPolicy));
    })
    .post('/', admin, body(SlaPolicyInput), async (c) => {
      const input = c.req.valid('json');
      const me = c.var.member;
      const policy = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const existing = await livePolicyRows(w.tx, w.workspaceId);
        const record = await validPolicy(w, {
          ...input,
          id: randomUUID(),
          position: Math.max(-1, ...existing.map((p) => p.position)) + 1,
        });
        const [row] = await w.tx
          .insert(slaPolicies)
          .values({ ...record, workspaceId: w.workspaceId, updatedAt: w.now })
          .returning();
        const created = toSlaPolicy(row!);
        await w.event({ type: 'sla_policy.created', after: created });
        await markOpenForSlaCheck(w);
        return created;
      });
      await recomputeMarked(database, me.workspaceId, deps.now());
      return c.json(policy, 201);
    })
    .post('/reorder', admin, body(ReorderSlaPolicies), async (c) => {
      const { ids } = c.req.valid('json');
      const me = c.var.member;
      const policies = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = (await livePolicyRows(w.tx, w.workspaceId)).map(toSlaPolicy);
        const listed = new Set(ids);
        if (ids.length !== before.length || before.some((p) => !listed.has(p.id)))
          throw new ApiFailure(
            409,
            'conflict',
            'The policies changed meanwhile: reorder the current list',
            undefined,
            { current: before },
          );
        const rows = await Promise.all(
          ids.map(async (id, position) => {
            const [row] = await w.tx
              .update(slaPolicies)
              .set({ position, updatedAt: w.now, version: w.version })
              .where(eq(slaPolicies.id, id))
              .returning();
            return toSlaPolicy(row!);
          }),
        );
        await w.event({
          type: 'sla_policy.reordered',
          before: before.map((p) => p.id),
          after: ids,
        });
        await markOpenForSlaCheck(w);
        return rows;
      });
      await recomputeMarked(database, me.workspaceId, deps.now());
      return c.json(policies);
    })
    .patch('/:id', admin, PolicyId, body(UpdateSlaPolicy), async (c) => {
      const { id } = c.req.valid('param');
      const { expectedVersion, ...patch } = c.req.valid('json');
      const me = c.var.member;
      const policy = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await livePolicy(w, id);
        staleCheck(before, expectedVersion, 'policy');
        const { id: _, ...fields } = await validPolicy(w, { ...before, ...patch });
        const [row] = await w.tx
          .update(slaPolicies)
          .set({ ...fields, updatedAt: w.now })
          .where(eq(slaPolicies.id, id))
          .returning();
        const after = toSlaPolicy(row!);
        await w.event({ type: 'sla_policy.updated', before, after });
        await markOpenForSlaCheck(w);
        return after;
      });
      await recomputeMarked(database, me.workspaceId, deps.now());
      return c.json(policy);
    })
    .delete('/:id', admin, PolicyId, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await livePolicy(w, id);
        await w.tx
          .update(slaPolicies)
          .set({ deletedAt: w.now, updatedAt: w.now, version: w.version })
          .where(eq(slaPolicies.id, id));
        await w.event({ type: 'sla_policy.deleted', before });
        await markOpenForSlaCheck(w);
      });
      await recomputeMarked(database, me.workspaceId, deps.now());
      return c.body(null, 204);
    });
}

async function livePolicy(w: Write, id: string) {
  const found = (await livePolicyRows(w.tx, w.workspaceId)).find((p) => p.id === id);
  if (!found) throw notFound('policy');
  return toSlaPolicy(found);
}

/** The policy as it would be stored; its calendar must be a live one of this workspace. */
async function validPolicy(w: Write, fields: Omit<SlaPolicyRecord, 'version'>) {
  const record = validRecord(SlaPolicyRecord, { ...fields, version: w.version });
  if (
    record.calendarId !== null &&
    !(await findCalendarRow(w.tx, w.workspaceId, record.calendarId))
  )
    throw new ApiFailure(
      400,
      'invalid_body',
      'Invalid request body: calendarId: no such calendar',
      [{ path: 'calendarId', message: 'no such calendar in this workspace' }],
    );
  return record;
}
