/**
 * A local OpenID Connect issuer for tests, with keys the test makes itself.
 *
 *   const issuer = await startOidcIssuer();             // http://127.0.0.1:<port>
 *   startTestServer({ oidcProviders: [issuer.provider] });
 *   const idToken = await issuer.signIdToken({ email: 'ada@acme.test', nonce });
 *   await issuer.close();
 *
 * It serves `/.well-known/openid-configuration`, `/jwks` and `/authorize` (implicit flow:
 * `response_type=id_token`, redirecting to `redirect_uri#id_token=…&state=…` for the
 * `login_hint` email, else `issuer.user`), so `chrome.identity.launchWebAuthFlow` can
 * finish against it. `signIdToken(claims, { foreignKey, expiresInSeconds })` makes good
 * and deliberately bad tokens: any claim may be overridden (aud, iss, exp, nonce…).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import type { OidcProviderConfig } from '../env';

export type OidcIssuer = {
  issuer: string;
  clientId: string;
  user: { email: string; name: string };
  provider: OidcProviderConfig;
  signIdToken(
    claims?: JWTPayload & {
      email?: string;
      name?: string;
      nonce?: string;
      email_verified?: boolean;
    },
    options?: { foreignKey?: boolean; expiresInSeconds?: number },
  ): Promise<string>;
  close(): Promise<void>;
};

const KID = 'test-key-1';

export async function startOidcIssuer(
  options: { clientId?: string; user?: { email: string; name: string } } = {},
): Promise<OidcIssuer> {
  const clientId = options.clientId ?? 'sidedesk-test-client';
  const user = options.user ?? { email: 'ada@acme.test', name: 'Ada Admin' };
  const keys = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  let issuer = '';

  const signIdToken: OidcIssuer['signIdToken'] = async (claims = {}, opts = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = {
      iss: issuer,
      aud: clientId,
      sub: `sub-${claims.email ?? user.email}`,
      email: user.email,
      email_verified: true,
      name: user.name,
      iat: now,
      exp: now + (opts.expiresInSeconds ?? 600),
      ...claims,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .sign(opts.foreignKey ? foreign.privateKey : keys.privateKey);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['id_token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const redirect = q.get('redirect_uri');
      if (q.get('client_id') !== clientId) return json(400, { error: 'unauthorized_client' });
      if (!q.get('response_type')?.split(' ').includes('id_token'))
        return json(400, { error: 'unsupported_response_type' });
      if (!redirect || !q.get('nonce')) return json(400, { error: 'invalid_request' });
      const email = q.get('login_hint') || user.email;
      const idToken = await signIdToken({
        email,
        name: email === user.email ? user.name : email.split('@')[0]!,
        nonce: q.get('nonce')!,
      });
      const fragment = new URLSearchParams({ id_token: idToken, state: q.get('state') ?? '' });
      res.writeHead(302, { location: `${redirect}#${fragment}` });
      return res.end();
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    user,
    provider: { id: 'test', name: 'Test issuer', issuer, clientId },
    signIdToken,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
