import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { AcceptInvite, CreateInvite, type Role } from '../../lib/schema';
import { secretHash, type Tokens } from '../auth/tokens';
import { invites, members } from '../db/schema';
import { toInvite } from '../domain/records';
import { addMember, sessionFor } from '../domain/workspaces';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, forbidden, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { identityAuth, memberAuth, requireRole } from '../middleware/auth';

const INVITE_TTL_MS = 14 * 24 * 3600 * 1000;

export function inviteRoutes(deps: Deps) {
  const { database } = deps;
  const { db } = database;
  const admin = [memberAuth(deps), requireRole('admin')] as const;
  return new Hono<AppEnv>()
    .get('/', ...admin, async (c) => {
      const rows = await db
        .select()
        .from(invites)
        .where(eq(invites.workspaceId, c.var.member.workspaceId))
        .orderBy(desc(invites.createdAt));
      return c.json(rows.map(toInvite));
    })
    .post('/', ...admin, body(CreateInvite), async (c) => {
      const { email, role } = c.req.valid('json');
      const me = c.var.member;
      const created = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const [already] = await w.tx
          .select({ status: members.status })
          .from(members)
          .where(and(eq(members.workspaceId, w.workspaceId), eq(members.email, email)));
        if (already?.status === 'active')
          throw new ApiFailure(409, 'conflict', `${email} is already a member`);
        const created = await issueInvite(w, deps.tokens, me.id, email, role);
        await w.event({
          type: 'invite.created',
          after: { inviteId: created.invite.id, email, role },
        });
        return created;
      });
      return c.json(created, 201);
    })
    .delete('/:id', ...admin, params(z.object({ id: z.uuid() }), 'invite'), async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      const revoked = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const [row] = await w.tx
          .update(invites)
          .set({ revokedAt: w.now })
          .where(and(eq(invites.id, id), eq(invites.workspaceId, w.workspaceId)))
          .returning();
        if (!row) throw notFound('invite');
        await w.event({ type: 'invite.revoked', before: { inviteId: id, email: row.email } });
        return toInvite(row);
      });
      return c.json(revoked);
    })
    .post('/:id/resend', ...admin, params(z.object({ id: z.uuid() }), 'invite'), async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      const created = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const [old] = await w.tx
          .select()
          .from(invites)
          .where(and(eq(invites.id, id), eq(invites.workspaceId, w.workspaceId)));
        if (!old) throw notFound('invite');
        if (old.acceptedAt) throw new ApiFailure(409, 'conflict', 'This invite was already used');
        // The code derives from the invite's id: a new code is a new invite, and the old
        // code stops working.
        if (!old.revokedAt)
          await w.tx.update(invites).set({ revokedAt: w.now }).where(eq(invites.id, id));
        const fresh = await issueInvite(w, deps.tokens, me.id, old.email, old.role);
        await w.event({
          type: 'invite.resent',
          before: { inviteId: id },
          after: { inviteId: fresh.invite.id, email: old.email, role: old.role },
        });
        return fresh;
      });
      return c.json(created, 201);
    })
    .post('/accept', identityAuth(deps), body(AcceptInvite), async (c) => {
      const identity = c.var.identity;
      const [invite] = await db
        .select()
        .from(invites)
        .where(eq(invites.codeHash, secretHash(c.req.valid('json').code)));
      if (!invite) throw notFound('invite');
      if (invite.email !== identity.email)
        throw forbidden('This invite was sent to another email address');
      const now = deps.now();
      if (invite.revokedAt) throw new ApiFailure(409, 'conflict', 'This invite was revoked');
      if (invite.acceptedAt) throw new ApiFailure(409, 'conflict', 'This invite was already used');
      if (invite.expiresAt <= now) throw new ApiFailure(409, 'conflict', 'This invite has expired');
      const member = await write(database, invite.workspaceId, null, now, async (w) => {
        // A conditional claim: of two accepts racing for one code, only one updates the row.
        const [claimed] = await w.tx
          .update(invites)
          .set({ acceptedAt: w.now })
          .where(
            and(
              eq(invites.id, invite.id),
              isNull(invites.acceptedAt),
              isNull(invites.revokedAt),
              gt(invites.expiresAt, w.now),
            ),
          )
          .returning({ id: invites.id });
        if (!claimed) throw new ApiFailure(409, 'conflict', 'This invite is no longer valid');
        await w.event({ type: 'invite.accepted', after: { inviteId: invite.id } });
        return addMember(w, { email: identity.email, name: identity.name, role: invite.role });
      });
      return c.json(await sessionFor(db, deps.tokens, member.id), 201);
    });
}

async function issueInvite(w: Write, tokens: Tokens, by: string, email: string, role: Role) {
  const id = randomUUID();
  const code = tokens.inviteCode(id);
  const [row] = await w.tx
    .insert(invites)
    .values({
      id,
      workspaceId: w.workspaceId,
      email,
      role,
      codeHash: secretHash(code),
      invitedBy: by,
      createdAt: w.now,
      expiresAt: new Date(w.now.getTime() + INVITE_TTL_MS),
    })
    .returning();
  return { invite: toInvite(row!), code };
}
