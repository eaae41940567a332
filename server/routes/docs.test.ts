import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

describe('health and docs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('reports health and the database kind', async () => {
    const res = await server.app.request('/healthz');
    expect(await res.json()).toEqual({ ok: true, database: 'pglite' });
  });

  it('answers liveness without the database, and readiness only with it', async () => {
    const cutOff = await startTestServer();
    await cutOff.database.close();
    try {
      expect(await (await cutOff.app.request('/livez')).json()).toEqual({ ok: true });
      expect((await cutOff.app.request('/healthz')).status).toBeGreaterThanOrEqual(500);
    } finally {
      // Stops its listener; closing the closed database again is refused.
      await cutOff.close().catch(() => undefined);
    }
  });

  it('serves an OpenAPI document with every route and its schemas', async () => {
    const doc = (await (await server.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.paths['/v1/push']?.post?.requestBody).toBeTruthy();
    expect(Object.keys(doc.paths)).toContain('/v1/templates/{id}');
  });

  it('serves the docs page and its assets itself (no CDN)', async () => {
    const page = await (await server.app.request('/docs')).text();
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.every((a) => a.startsWith('/docs/assets/'))).toBe(true);
    for (const asset of assets) expect((await server.app.request(asset)).status).toBe(200);
    expect((await server.app.request('/docs/assets/package.json')).status).toBe(404);
    expect((await server.app.request('/docs/assets/toString')).status).toBe(404);
  });

  it('answers CORS preflights for the extension origin only', async () => {
    const preflight = (origin: string) =>
      server.app.request('/v1/pull', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const ok = await preflight('chrome-extension://paoacmceonakckbggjmgbiapdjokogfh');
    expect(ok.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://paoacmceonakckbggjmgbiapdjokogfh',
    );
    const no = await preflight('https://evil.example');
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });
});
