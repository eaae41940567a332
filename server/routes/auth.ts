import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { DevSignIn, OidcSignIn, WorkspaceTokenRequest } from '../../lib/schema';
import { members } from '../db/schema';
import { sessionFor, signInResult, signOutEverywhere } from '../domain/workspaces';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, forbidden } from '../http/errors';
import { body } from '../http/validate';
import { identityAuth, memberAuth, signedOutSince, tokenRevoked } from '../middleware/auth';

export function authRoutes(deps: Deps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .get('/providers', async (c) =>
      c.json({ devSignIn: deps.devSignIn, providers: await deps.oidc.describe() }),
    )
    .post('/dev', body(DevSignIn), async (c) => {
      if (!deps.devSignIn) throw forbidden('Dev sign-in is turned off on this server');
      const { email, name } = c.req.valid('json');
      // Without a name, a known person keeps the name their workspace knows them by.
      const [known] = name
        ? []
        : await db
            .select({ name: members.name })
            .from(members)
            .where(eq(members.email, email))
            .limit(1);
      const display = name ?? known?.name ?? email.split('@')[0]!;
      return c.json(await signInResult(db, deps.tokens, email, display, deps.now()));
    })
    .post('/oidc', body(OidcSignIn), async (c) => {
      const { idToken, nonce } = c.req.valid('json');
      const verified = await deps.oidc.verify(idToken, nonce);
      if (!verified.ok) throw new ApiFailure(401, 'unauthorized', verified.message);
      return c.json(await signInResult(db, deps.tokens, verified.email, verified.name, deps.now()));
    })
    .post('/token', identityAuth(deps), body(WorkspaceTokenRequest), async (c) => {
      const { workspaceId } = c.req.valid('json');
      const [member] = await db
        .select({ id: members.id, status: members.status, signedOutAt: members.signedOutAt })
        .from(members)
        .where(and(eq(members.workspaceId, workspaceId), eq(members.email, c.var.identity.email)));
      if (!member) throw forbidden('You are not a member of this workspace');
      if (member.status !== 'active')
        throw new ApiFailure(401, 'member_inactive', 'You were deactivated in this workspace');
      if (signedOutSince(member.signedOutAt, c.var.identity.issuedAt)) throw tokenRevoked();
      return c.json(await sessionFor(db, deps.tokens, member.id));
    })
    .post('/sign-out-everywhere', memberAuth(deps), async (c) => {
      // Every token of mine for this workspace stops working on its next request, this
      // one's too; my identity tokens can no longer get new ones here (docs/security.md).
      const me = c.var.member;
      await signOutEverywhere(db, { workspaceId: me.workspaceId, memberId: me.id }, deps.now());
      return c.body(null, 204);
    });
}
