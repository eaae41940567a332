import { and, eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../lib/schema';
import type { Principal } from '../auth/tokens';
import { members } from '../db/schema';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, forbidden, unauthorized } from '../http/errors';

/** The token of an `Authorization: Bearer …` header, if the request has one. */
export const bearerToken = (c: Context) =>
  c.req.header('authorization')?.match(/^Bearer ([^\s]+)$/i)?.[1];

async function principalOf(c: Context, deps: Deps): Promise<Principal> {
  const token = bearerToken(c);
  if (!token) throw unauthorized('Sign in first: send Authorization: Bearer <token>');
  const verified = await deps.tokens.verify(token);
  if (verified.ok) return verified.principal;
  if (verified.reason === 'token_expired')
    throw new ApiFailure(401, 'token_expired', 'The token has expired: sign in again');
  throw unauthorized('The token is not valid');
}

/** Workspace routes: a member token whose member still exists and is active, right now. */
export const memberAuth =
  (deps: Deps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const principal = await principalOf(c, deps);
    if (principal.kind !== 'member')
      throw unauthorized('This route needs a workspace token (POST /v1/auth/token)');
    const [row] = await deps.database.db
      .select()
      .from(members)
      .where(
        and(eq(members.id, principal.memberId), eq(members.workspaceId, principal.workspaceId)),
      );
    if (!row) throw unauthorized('The member no longer exists');
    if (row.status !== 'active')
      throw new ApiFailure(401, 'member_inactive', 'This member was deactivated in the workspace');
    if (signedOutSince(row.signedOutAt, principal.issuedAt)) throw tokenRevoked();
    c.set('member', {
      id: row.id,
      workspaceId: row.workspaceId,
      role: row.role,
      email: row.email,
      name: row.name,
    });
    await next();
  };

/** Whether a token issued at `issuedAt` predates its member's last "sign out everywhere". */
export const signedOutSince = (signedOutAt: Date | null, issuedAt: Date) =>
  signedOutAt !== null && issuedAt.getTime() < signedOutAt.getTime();

export const tokenRevoked = () =>
  new ApiFailure(401, 'token_revoked', 'This session was signed out everywhere: sign in again');

/** Routes before a workspace is chosen: an identity token (a verified email). */
export const identityAuth =
  (deps: Deps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const principal = await principalOf(c, deps);
    if (principal.kind !== 'identity')
      throw unauthorized('This route needs an identity token (POST /v1/auth/dev or /v1/auth/oidc)');
    c.set('identity', principal);
    await next();
  };

export const requireRole =
  (...roles: Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!roles.includes(c.var.member.role))
      throw forbidden(`Only ${roles.join(' or ')} members may do this`);
    await next();
  };
