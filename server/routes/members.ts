import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { DeactivateMember, UpdateMember } from '../../lib/schema';
import type { Tx } from '../db/open';
import { conversations, members, workspaces } from '../db/schema';
import { recordPendingAudit } from '../domain/audit';
import { toMember, toWorkspace } from '../domain/records';
import { findCalendarRow } from '../domain/sla-admin';
import { touchTeamTemplates } from '../domain/templates';
import { signOutEverywhere } from '../domain/workspaces';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, forbidden, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

/** What a member may change on their own record without being an admin. */
const SELF_SERVICE = new Set(['name', 'availability']);
/** What leads may change on anyone's record: the routing profile. */
const ROUTING_PROFILE = new Set(['skills', 'calendarId']);

const MemberId = params(z.object({ id: z.uuid() }), 'member');

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
    .patch('/:id', MemberId, body(UpdateMember), async (c) => {
      const me = c.var.member;
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      if (me.role !== 'admin') {
        const allowed = (k: string) =>
          (me.role === 'lead' && ROUTING_PROFILE.has(k)) || (id === me.id && SELF_SERVICE.has(k));
        const denied = Object.keys(patch).filter((k) => !allowed(k));
        if (id !== me.id && denied.length) throw forbidden('Only admins can change other members');
        if (denied.length) throw forbidden(`Only admins can change ${denied.join(', ')}`);
      }
      const updated = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await memberIn(w, id);
        if (patch.calendarId && !(await findCalendarRow(w.tx, w.workspaceId, patch.calendarId)))
          throw new ApiFailure(
            400,
            'invalid_body',
            'Invalid request body: calendarId: no such calendar',
            [{ path: 'calendarId', message: 'no such calendar in this workspace' }],
          );
        const losesAdmin =
          before.role === 'admin' &&
          before.status === 'active' &&
          ((patch.role && patch.role !== 'admin') || patch.status === 'deactivated');
        if (losesAdmin) await keepAnAdmin(w.tx, w.workspaceId, id);
        const after = await updateMember(w, before, patch);
        if (before.status === 'active' && after.status === 'deactivated')
          await handOver(w, id, null);
        // Leads and admins see every team's templates, agents only their teams'.
        if (after.role !== before.role) await touchTeamTemplates(w);
        return toMember(after);
      });
      return c.json(updated);
    })
    .post('/:id/deactivate', requireRole('admin'), MemberId, body(DeactivateMember), async (c) => {
      const me = c.var.member;
      const { id } = c.req.valid('param');
      const { reassignTo } = c.req.valid('json');
      const updated = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await memberIn(w, id);
        if (before.status !== 'active')
          throw new ApiFailure(409, 'conflict', 'This member is already deactivated');
        if (before.role === 'admin') await keepAnAdmin(w.tx, w.workspaceId, id);
        if (reassignTo !== null) await checkHeir(w, id, reassignTo);
        const after = await updateMember(w, before, { status: 'deactivated' });
        await handOver(w, id, reassignTo);
        return toMember(after);
      });
      return c.json(updated);
    })
    .post('/:id/sign-out', requireRole('admin'), MemberId, async (c) => {
      // A lost laptop: every token of theirs stops on its next request (docs/security.md).
      const { id } = c.req.valid('param');
      const now = deps.now();
      const where = { workspaceId: c.var.member.workspaceId, memberId: id };
      // Not a synced change, so not a write(); the audit entry still commits with it.
      await database.db.transaction(async (tx) => {
        if (!(await signOutEverywhere(tx, where, now))) throw notFound('member');
        await recordPendingAudit(tx, where.workspaceId, now);
      });
      return c.body(null, 204);
    });
}

type MemberRow = typeof members.$inferSelect;

/** The member to change, in this workspace; else 404. */
async function memberIn(w: Write, id: string): Promise<MemberRow> {
  const [row] = await w.tx
    .select()
    .from(members)
    .where(and(eq(members.id, id), eq(members.workspaceId, w.workspaceId)));
  if (!row) throw notFound('member');
  return row;
}

/** Writes the change at this version, with its `member.updated` event. */
async function updateMember(
  w: Write,
  before: MemberRow,
  change: Partial<typeof members.$inferInsert>,
): Promise<MemberRow> {
  const [after] = await w.tx
    .update(members)
    .set({ ...change, version: w.version })
    .where(eq(members.id, before.id))
    .returning();
  await w.event({ type: 'member.updated', before: toMember(before), after: toMember(after!) });
  return after!;
}

/** Open work goes to an active member of the workspace other than the one leaving. */
async function checkHeir(w: Write, leaving: string, heir: string) {
  const [row] = await w.tx
    .select({ status: members.status })
    .from(members)
    .where(and(eq(members.id, heir), eq(members.workspaceId, w.workspaceId)));
  if (heir === leaving || row?.status !== 'active') {
    const message = 'must be another active member of this workspace';
    throw new ApiFailure(400, 'invalid_body', `Invalid request body: reassignTo: ${message}`, [
      { path: 'reassignTo', message },
    ]);
  }
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

/**
 * A deactivated member's open work goes to `heir`, or back to the queue, in the same
 * transaction; their live sockets close after commit.
 */
async function handOver(w: Write, memberId: string, heir: string | null) {
  w.deactivated.push(memberId);
  const moved = await w.tx
    .update(conversations)
    .set({ assigneeId: heir, version: w.version, updatedAt: w.now })
    .where(
      and(
        eq(conversations.workspaceId, w.workspaceId),
        eq(conversations.assigneeId, memberId),
        ne(conversations.status, 'closed'),
        isNull(conversations.deletedAt),
      ),
    )
    .returning({ id: conversations.id });
  await Promise.all(
    moved.map(({ id }) =>
      w.event({
        type: heir ? 'conversation.assigned' : 'conversation.unassigned',
        conversationId: id,
        before: memberId,
        after: heir,
      }),
    ),
  );
}
