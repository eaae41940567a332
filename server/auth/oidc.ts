import { createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import type { AuthProvider } from '../../lib/schema';
import type { OidcProviderConfig } from '../env';

const Discovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  jwks_uri: z.url(),
});

const IdClaims = z.object({
  email: z.email(),
  email_verified: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  name: z.string().optional(),
  nonce: z.string().optional(),
});

type Discovered = {
  config: OidcProviderConfig;
  authorizationEndpoint: string;
  keys: JWTVerifyGetKey;
};

export type OidcResult = { ok: true; email: string; name: string } | { ok: false; message: string };

const ASYMMETRIC = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/**
 * Verifies OpenID Connect ID tokens from the configured issuers: signature by the
 * issuer's published keys, issuer, audience (our client id), expiry, nonce and, where the
 * issuer states it, a verified email.
 */
export class OidcVerifier {
  private readonly discovered = new Map<string, Promise<Discovered>>();

  constructor(private readonly providers: OidcProviderConfig[]) {}

  /** Providers whose discovery document answers; one that fails is left out and logged. */
  async describe(): Promise<AuthProvider[]> {
    const found = await Promise.all(
      this.providers.map((p) =>
        this.discover(p).then(
          (d): AuthProvider => ({
            id: p.id,
            name: p.name,
            issuer: p.issuer,
            clientId: p.clientId,
            authorizationEndpoint: d.authorizationEndpoint,
          }),
          (e: unknown) => {
            console.warn(`OIDC provider ${p.id}: discovery failed: ${String(e)}`);
            return null;
          },
        ),
      ),
    );
    return found.filter((p) => p !== null);
  }

  async verify(idToken: string, nonce: string): Promise<OidcResult> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(idToken).iss;
    } catch {
      return { ok: false, message: 'the ID token is not a JWT' };
    }
    const provider = this.providers.find((p) => p.issuer === issuer);
    if (!provider) return { ok: false, message: 'the ID token comes from an unknown issuer' };
    let discovered: Discovered;
    try {
      discovered = await this.discover(provider);
    } catch {
      return { ok: false, message: `the issuer ${provider.issuer} cannot be reached` };
    }
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(idToken, discovered.keys, {
        issuer: provider.issuer,
        audience: provider.clientId,
        algorithms: ASYMMETRIC,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (e) {
      return { ok: false, message: `the ID token was refused: ${(e as Error).message}` };
    }
    const claims = IdClaims.safeParse(payload);
    if (!claims.success) return { ok: false, message: 'the ID token carries no valid email' };
    const c = claims.data;
    if (c.nonce !== nonce) return { ok: false, message: 'the ID token nonce does not match' };
    if (c.email_verified !== undefined && String(c.email_verified) !== 'true')
      return { ok: false, message: 'the email address is not verified by the issuer' };
    const email = c.email.toLowerCase();
    return { ok: true, email, name: c.name?.trim() || email.split('@')[0]! };
  }

  private discover(provider: OidcProviderConfig): Promise<Discovered> {
    let found = this.discovered.get(provider.id);
    if (!found) {
      found = fetchDiscovery(provider);
      // A failed look-up is retried on the next request instead of being remembered.
      found.catch(() => this.discovered.delete(provider.id));
      this.discovered.set(provider.id, found);
    }
    return found;
  }
}

async function fetchDiscovery(config: OidcProviderConfig): Promise<Discovered> {
  const url = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const doc = Discovery.parse(await res.json());
  if (doc.issuer !== config.issuer)
    throw new Error(`${url} names issuer ${doc.issuer}, expected ${config.issuer}`);
  return {
    config,
    authorizationEndpoint: doc.authorization_endpoint,
    keys: createRemoteJWKSet(new URL(doc.jwks_uri)),
  };
}
