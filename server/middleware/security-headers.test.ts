import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

const HARDENED = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

const headersOf = (res: Response) => Object.fromEntries(res.headers.entries());

describe('security headers', () => {
  let server: TestServer;
  let behindProxy: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    behindProxy = await startTestServer({ trustProxy: true });
  });
  afterAll(async () => {
    await server?.close();
    await behindProxy?.close();
  });

  it('are on every API response, errors included, without HSTS over plain http', async () => {
    const ada = await server.signIn('ada@acme.test');
    for (const res of [
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/v1/tags`, { headers: ada.headers }),
      await fetch(`${server.url}/v1/tags`),
      await fetch(`${server.url}/v1/nowhere`),
      await fetch(`${server.url}/docs`),
    ]) {
      expect(headersOf(res)).toMatchObject(HARDENED);
      expect(res.headers.has('strict-transport-security')).toBe(false);
    }
  });

  it('add HSTS when the request came over https', async () => {
    const res = await server.app.request('https://api.example.test/healthz');
    expect(res.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('take the scheme from X-Forwarded-Proto only behind a trusted proxy', async () => {
    const forwarded = { headers: { 'x-forwarded-proto': 'https' } };
    const trusted = await fetch(`${behindProxy.url}/healthz`, forwarded);
    expect(trusted.headers.has('strict-transport-security')).toBe(true);
    const ignored = await fetch(`${server.url}/healthz`, forwarded);
    expect(ignored.headers.has('strict-transport-security')).toBe(false);
  });

  it('leave the rating pages their stricter policy', async () => {
    const res = await fetch(`${server.url}/s/not-a-token`);
    expect(res.status).toBe(400);
    expect(headersOf(res)).toMatchObject({
      ...HARDENED,
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
    });
  });
});
