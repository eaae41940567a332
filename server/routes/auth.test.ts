import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResult } from '../../lib/schema';
import { type OidcIssuer, startOidcIssuer } from '../testing/oidc-issuer';
import { startTestServer, type TestServer } from '../testing/test-server';

describe('OIDC sign-in against a local issuer', () => {
  let issuer: OidcIssuer;
  let server: TestServer;
  const nonce = 'nonce-0123456789';

  beforeAll(async () => {
    issuer = await startOidcIssuer();
    server = await startTestServer({ oidcProviders: [issuer.provider], devSignIn: false });
  });
  afterAll(async () => {
    await server?.close();
    await issuer?.close();
  });

  const signIn = (idToken: string, n = nonce) =>
    fetch(`${server.url}/v1/auth/oidc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idToken, nonce: n }),
    });

  it('lists the provider with its authorization endpoint', async () => {
    const res = await fetch(`${server.url}/v1/auth/providers`);
    expect(await res.json()).toEqual({
      devSignIn: false,
      providers: [{ ...issuer.provider, authorizationEndpoint: `${issuer.issuer}/authorize` }],
    });
  });

  it('accepts a good ID token and returns an identity', async () => {
    const res = await signIn(await issuer.signIdToken({ nonce, email: 'Ada@Acme.test' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as SignInResult;
    expect(body).toMatchObject({ email: 'ada@acme.test', name: 'Ada Admin', memberships: [] });
    const created = await fetch(`${server.url}/v1/workspaces`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${body.identityToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'Acme' }),
    });
    expect(created.status).toBe(201);
  });

  it('completes the implicit flow through /authorize', async () => {
    const url = new URL(`${issuer.issuer}/authorize`);
    const redirect = 'https://paoacmceonakckbggjmgbiapdjokogfh.chromiumapp.org/';
    url.search = new URLSearchParams({
      client_id: issuer.clientId,
      response_type: 'id_token',
      redirect_uri: redirect,
      scope: 'openid email profile',
      nonce,
      state: 'st',
      login_hint: 'leo@acme.test',
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(redirect);
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('state')).toBe('st');
    const signed = await signIn(fragment.get('id_token')!);
    expect(((await signed.json()) as SignInResult).email).toBe('leo@acme.test');
  });

  it.each([
    ['wrong audience', () => issuer.signIdToken({ nonce, aud: 'someone-else' })],
    ['wrong issuer', () => issuer.signIdToken({ nonce, iss: 'https://evil.example' })],
    ['expired', () => issuer.signIdToken({ nonce }, { expiresInSeconds: -60 })],
    ['bad signature', () => issuer.signIdToken({ nonce }, { foreignKey: true })],
    ['nonce mismatch', () => issuer.signIdToken({ nonce: 'another-nonce-123' })],
    ['unverified email', () => issuer.signIdToken({ nonce, email_verified: false })],
    ['not a JWT', async () => 'not-a-jwt-at-all'],
  ])('refuses an ID token with %s', async (_, make) => {
    const res = await signIn(await make());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('refuses dev sign-in when it is off', async () => {
    const res = await fetch(`${server.url}/v1/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@acme.test' }),
    });
    expect(res.status).toBe(403);
  });
});
