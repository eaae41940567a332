import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ORIGIN } from '../lib/extension-identity';
import { startTestServer, type TestServer, type TestSession } from './testing/test-server';

/** A mail page's own scripts, or any site, must not read the API with a member's token. */
const STRANGERS = ['https://mail.google.com', 'https://outlook.office.com', 'https://evil.test'];

describe('CORS: the extension and its options page only', () => {
  let server: TestServer;
  let agent: TestSession;

  beforeAll(async () => {
    server = await startTestServer();
    agent = await server.signIn('ana@acme.test', 'agent');
  });
  afterAll(() => server?.close());

  const preflight = (origin: string) =>
    server.app.request('/v1/pull', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it("lets the extension's pages (popup, options, service worker) call the API", async () => {
    const res = await preflight(EXTENSION_ORIGIN);
    expect(res.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    const get = await server.app.request('/v1/members', {
      headers: { ...agent.headers, origin: EXTENSION_ORIGIN },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
  });

  it.each(STRANGERS)('gives %s no CORS grant, so its pages cannot read answers', async (origin) => {
    const res = await preflight(origin);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await server.app.request('/v1/members', { headers: { ...agent.headers, origin } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each(STRANGERS)('refuses the live socket to %s', async (origin) => {
    const res = await server.app.request('/v1/live?ticket=x', { headers: { origin } });
    expect(res.status).toBe(403);
  });
});
