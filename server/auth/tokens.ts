import { createHash, createHmac } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

const IDENTITY_TTL_S = 30 * 24 * 3600;
const MEMBER_TTL_S = 30 * 24 * 3600;

/**
 * `iat` counts seconds; `ims` is the same instant in milliseconds, so a sign-out and a new
 * sign-in within one second still tell the revoked tokens from the new ones.
 */
const Issued = { iat: z.number(), ims: z.number().int().optional() };
const IdentityClaims = z.object({
  kind: z.literal('identity'),
  sub: z.email(),
  name: z.string(),
  ...Issued,
});
const MemberClaims = z.object({
  kind: z.literal('member'),
  sub: z.uuid(),
  ws: z.uuid(),
  ...Issued,
});
const Claims = z.discriminatedUnion('kind', [IdentityClaims, MemberClaims]);

/** `issuedAt`: when the token was signed (revocation compares it with a sign-out). */
export type Identity = { kind: 'identity'; email: string; name: string; issuedAt: Date };
export type MemberPrincipal = {
  kind: 'member';
  memberId: string;
  workspaceId: string;
  issuedAt: Date;
};
export type Principal = Identity | MemberPrincipal;

export type VerifyFailure = 'token_expired' | 'unauthorized';

/** Signs and checks the API's own bearer tokens (both kinds, see docs/architecture.md). */
export class Tokens {
  constructor(
    private readonly key: Uint8Array,
    private readonly now: () => Date = () => new Date(),
  ) {}

  identity(email: string, name: string, ttlSeconds = IDENTITY_TTL_S) {
    return this.sign({ kind: 'identity', name }, email, ttlSeconds);
  }

  member(memberId: string, workspaceId: string, ttlSeconds = MEMBER_TTL_S) {
    return this.sign({ kind: 'member', ws: workspaceId }, memberId, ttlSeconds);
  }

  async verify(
    token: string,
  ): Promise<{ ok: true; principal: Principal } | { ok: false; reason: VerifyFailure }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        currentDate: this.now(),
      });
      const claims = Claims.safeParse(payload);
      if (!claims.success) return { ok: false, reason: 'unauthorized' };
      const c = claims.data;
      const issuedAt = new Date(c.ims ?? c.iat * 1000);
      return {
        ok: true,
        principal:
          c.kind === 'identity'
            ? { kind: 'identity', email: c.sub, name: c.name, issuedAt }
            : { kind: 'member', memberId: c.sub, workspaceId: c.ws, issuedAt },
      };
    } catch (e) {
      return {
        ok: false,
        reason: e instanceof errors.JWTExpired ? 'token_expired' : 'unauthorized',
      };
    }
  }

  /**
   * An invite's one-time code is derived from its id with the signing key, so the
   * database keeps only a hash, yet the invitee who signs in can be shown their code.
   */
  inviteCode(inviteId: string) {
    return createHmac('sha256', this.key).update(`invite:${inviteId}`).digest('base64url');
  }

  private async sign(claims: Record<string, string>, subject: string, ttlSeconds: number) {
    const issuedMs = this.now().getTime();
    const issuedAt = Math.floor(issuedMs / 1000);
    const expiresAt = issuedAt + ttlSeconds;
    const token = await new SignJWT({ ...claims, ims: issuedMs })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }
}

/** How secrets (invite codes, live tickets) are stored: never the secret itself. */
export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex');
