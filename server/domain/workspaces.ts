import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Role, Session, SignInResult } from '../../lib/schema';
import type { Tokens } from '../auth/tokens';
import type { Db, Tx } from '../db/open';
import { invites, members, workspaces } from '../db/schema';
import { ApiFailure } from '../http/errors';
import { toMember, toWorkspace } from './records';
import { eventWriter, type Write } from './write';

export type Person = { email: string; name: string; role: Role };

/** A new workspace starts at version 1 with its first member and both events. */
export async function createWorkspace(db: Db, name: string, first: Person, now: Date) {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const [workspace] = await tx
      .insert(workspaces)
      .values({ id, name, version: 1, recordVersion: 1, createdAt: now })
      .returning();
    const event = eventWriter(tx, id, 1, null, now);
    await event({ type: 'workspace.created', after: { name } });
    const member = await insertMember(tx, id, 1, first, now);
    await event({ type: 'member.added', after: toMember(member) });
    return { workspace: workspace!, member };
  });
}

/**
 * Adds a person to the workspace, or reactivates them with the new role when they were
 * deactivated; an active member cannot be added twice.
 */
export async function addMember(w: Write, person: Person) {
  const [existing] = await w.tx
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, w.workspaceId), eq(members.email, person.email)))
    .for('update');
  if (existing?.status === 'active')
    throw new ApiFailure(409, 'conflict', `${person.email} is already a member of this workspace`);
  const member = existing
    ? (
        await w.tx
          .update(members)
          .set({ status: 'active', role: person.role, version: w.version })
          .where(eq(members.id, existing.id))
          .returning()
      )[0]!
    : await insertMember(w.tx, w.workspaceId, w.version, person, w.now);
  await w.event({ type: 'member.added', after: toMember(member) });
  return member;
}

async function insertMember(tx: Tx, workspaceId: string, version: number, p: Person, now: Date) {
  const [member] = await tx
    .insert(members)
    .values({
      id: randomUUID(),
      workspaceId,
      email: p.email,
      name: p.name,
      role: p.role,
      status: 'active',
      availability: 'available',
      capacity: null,
      version,
      createdAt: now,
    })
    .returning();
  return member!;
}

/** A member token for this member, with the records the client shows at once. */
export async function sessionFor(db: Db, tokens: Tokens, memberId: string): Promise<Session> {
  const [row] = await db
    .select({ member: members, workspace: workspaces })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(eq(members.id, memberId));
  if (!row) throw new ApiFailure(404, 'not_found', 'member not found');
  const { token, expiresAt } = await tokens.member(row.member.id, row.workspace.id);
  return { token, expiresAt, workspace: toWorkspace(row.workspace), member: toMember(row.member) };
}

/**
 * Revokes every token the member of this workspace holds, as of `at` (checked on each
 * request); false when the workspace has no such member.
 */
export async function signOutEverywhere(
  db: Db | Tx,
  where: { workspaceId: string; memberId: string },
  at: Date,
) {
  const signedOut = await db
    .update(members)
    .set({ signedOutAt: at })
    .where(and(eq(members.id, where.memberId), eq(members.workspaceId, where.workspaceId)))
    .returning({ id: members.id });
  return signedOut.length > 0;
}

/** What a verified person sees right after signing in: their workspaces and open invites. */
export async function signInResult(
  db: Db,
  tokens: Tokens,
  email: string,
  name: string,
  now: Date,
): Promise<SignInResult> {
  const memberships = await db
    .select({
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      memberId: members.id,
      role: members.role,
    })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(and(eq(members.email, email), eq(members.status, 'active')))
    .orderBy(asc(workspaces.name));
  const pending = await db
    .select({ id: invites.id, role: invites.role, workspaceName: workspaces.name })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(
      and(
        eq(invites.email, email),
        isNull(invites.acceptedAt),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
      ),
    );
  const { token } = await tokens.identity(email, name);
  return {
    identityToken: token,
    email,
    name,
    memberships,
    invites: pending.map((i) => ({
      code: tokens.inviteCode(i.id),
      workspaceName: i.workspaceName,
      role: i.role,
    })),
  };
}
