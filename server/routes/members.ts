import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { UpdateMember } from '../../lib/schema';
import type { Tx } from '../db/open';
import { conversations, members, workspaces } from '../db/schema';
import { toMember, toWorkspace } from '../domain/records';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, forbidden, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth } from '../middleware/auth';

/** What a member may change on their own record without being an admin. */
const SELF_SERVICE = new Set(['name', 'availability']);

export function meRoutes(deps: Deps) {
  const { db } = deps.database;
  return new Hono<AppEnv>().get('/', memberAuth(deps), async (c) => {
    const me = c.var.member;
    const [row] = await db
      .select({ member: members, workspace: workspaces })
      .from(members)
      .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
      .where(eq(members.id, me.id));
    if (!row) throw notFound('member');
    return c.json({ workspace: toWorkspace(row.workspace), member: toMember(row.member) });
  });
}

export function memberRoutes(deps: Deps) {
  const { database } = deps;
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/', async (c) => {
      const rows = await database.db
        .select()
        .from(members)
        .where(eq(members.workspaceId, c.var.member.workspaceId))
        .orderBy(asc(members.name));
      return c.json(rows.map(toMember));
    })
    .patch('/:id', params(z.object({ id: z.uuid() }), 'member'), body(UpdateMember), async (c) => {
      const me = c.var.member;
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      if (me.role !== 'admin') {
        if (id !== me.id) throw forbidden('Only admins can change other members');
        const denied = Object.keys(patch).filter((k) => !SELF_SERVICE.has(k));
        if (denied.length) throw forbidden(`Only admins can change ${denied.join(', ')}`);
      }
      const updated = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const [before] = await w.tx
          .select()
          .from(members)
          .where(and(eq(members.id, id), eq(members.workspaceId, w.workspaceId)));
        if (!before) throw notFound('member');
        const losesAdmin =
          before.role === 'admin' &&
          before.status === 'active' &&
          ((patch.role && patch.role !== 'admin') || patch.status === 'deactivated');
        if (losesAdmin) await keepAnAdmin(w.tx, w.workspaceId, id);
        const [after] = await w.tx
          .update(members)
          .set({ ...patch, version: w.version })
          .where(eq(members.id, id))
          .returning();
        await w.event({
          type: 'member.updated',
          before: toMember(before),
          after: toMember(after!),
        });
        if (before.status === 'active' && after!.status === 'deactivated') {
          await unassignOpen(w, id);
          w.deactivated.push(id);
        }
        return toMember(after!);
      });
      return c.json(updated);
    });
}

async function keepAnAdmin(tx: Tx, ws: string, leaving: string) {
  const [other] = await tx
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        eq(members.workspaceId, ws),
        eq(members.role, 'admin'),
        eq(members.status, 'active'),
        ne(members.id, leaving),
      ),
    )
    .limit(1);
  if (!other)
    throw new ApiFailure(409, 'conflict', 'The workspace needs at least one active admin');
}

/** A deactivated member's open work goes back to the queue, in the same transaction. */
async function unassignOpen(w: Write, memberId: string) {
  const freed = await w.tx
    .update(conversations)
    .set({ assigneeId: null, version: w.version, updatedAt: w.now })
    .where(
      and(
        eq(conversations.workspaceId, w.workspaceId),
        eq(conversations.assigneeId, memberId),
        ne(conversations.status, 'closed'),
        isNull(conversations.deletedAt),
      ),
    )
    .returning({ id: conversations.id });
  for (const { id } of freed)
    await w.event({
      type: 'conversation.unassigned',
      conversationId: id,
      before: memberId,
      after: null,
    });
}
