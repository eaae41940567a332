import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import { dispatch } from '../messaging';
import { getMeta } from '../meta';
import { eventually, syncClient } from '../testing/sync-client';

let server: TestServer;
const engines: { engine: { stop(): void } }[] = [];
const client = async (...args: Parameters<typeof syncClient>) => {
  const c = await syncClient(...args);
  engines.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const c of engines.splice(0)) c.engine.stop();
});
afterAll(async () => {
  await server?.close();
});

const template = {
  title: 'Refund sent',
  body: '<p>Hi {{customer.firstName}}</p>',
  scope: 'personal',
};

describe('management requests relayed for the options page', () => {
  it('pass the API’s answer through, refusals included', async () => {
    const ana = await server.signIn('ana@acme.test', 'agent', { name: 'Ana' });
    const a = await client(server.url, ana);
    const tags = await a.engine.relay({ method: 'GET', path: '/v1/tags' });
    expect(tags).toEqual({ status: 200, body: [] });
    const refused = await a.engine.relay({
      method: 'POST',
      path: '/v1/tags',
      body: { name: 'vip' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('pull a write at once, so the cache holds it', async () => {
    const ana = await server.signIn('ana@acme.test', 'agent', { name: 'Ana' });
    const a = await client(server.url, ana);
    const created = await a.engine.relay({ method: 'POST', path: '/v1/templates', body: template });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    await eventually(async () => (await a.db.templates.get(id))?.title === 'Refund sent');
  });

  it('renew an expired token and answer', async () => {
    const ana = await server.signIn('ana@acme.test', 'admin', { name: 'Ana' });
    const short = await server.tokens.member(ana.member.id, ana.workspace.id, 1);
    const a = await client(server.url, { ...ana, token: short.token });
    await new Promise((r) => setTimeout(r, 2100));
    expect((await a.engine.relay({ method: 'GET', path: '/v1/members' })).status).toBe(200);
    expect((await getMeta(a.db, 'session'))?.token).not.toBe(short.token);
  });
});

describe('who may relay, and where to', () => {
  const handlers = { relay: async () => ({ status: 200, body: null }) } as never;
  const explain = (e: unknown) => ({ code: 'failed', message: String(e) });
  const relay = (path: string, extensionPage = true) =>
    dispatch(handlers, { type: 'relay', method: 'GET', path }, { extensionPage }, explain);

  it('only extension pages may relay', async () => {
    expect(await relay('/v1/tags', false)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await relay('/v1/tags')).toEqual({ ok: true, data: { status: 200, body: null } });
  });

  it('only to the management resources', async () => {
    for (const path of [
      '/v1/templates/t1/versions',
      '/v1/members?active=1',
      '/v1/teams',
      '/v1/sla/policies/reorder',
      '/v1/sla/calendars/c1/holidays/import',
    ]) {
      expect(await relay(path)).toMatchObject({ ok: true });
    }
    for (const path of [
      '/v1/push',
      '/v1/auth/token',
      '/v1/templates/../push',
      'http://x/v1/tags',
    ]) {
      expect(await relay(path)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });
});
