import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../db/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/test-server';

const KEY = 'sk-test-0123456789abcdef';
const external = {
  provider: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:11434/v1',
  model: 'llama3.1:8b',
  apiKey: KEY,
};

for (const target of testDatabases()) {
  describe(`copilot settings [${target.name}]`, () => {
    let server: TestServer;
    let admin: ReturnType<typeof client>;
    let lead: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      admin = client(server, await server.signIn('ada@acme.test', 'admin'));
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      agent = client(server, await server.signIn('ana@acme.test', 'agent'));
    });
    afterAll(() => server?.close());

    it('starts offline, redacting, with external providers allowed, for every member', async () => {
      const defaults = {
        provider: 'offline',
        baseUrl: null,
        model: null,
        keySet: false,
        redactPii: true,
        externalAllowed: true,
      };
      expect((await agent.get('/v1/copilot/settings')).body).toEqual(defaults);
      expect((await lead.get('/v1/copilot/settings')).body).toEqual(defaults);
    });

    it('lets an admin choose an endpoint; the key is write-only and never in an event', async () => {
      const r = await admin.patch('/v1/copilot/settings', external);
      expect(r).toMatchObject({ status: 200 });
      expect(r.body).toEqual({
        provider: 'openai-compatible',
        baseUrl: 'http://127.0.0.1:11434/v1',
        model: 'llama3.1:8b',
        keySet: true,
        redactPii: true,
        externalAllowed: true,
      });
      expect(JSON.stringify((await agent.get('/v1/copilot/settings')).body)).not.toContain(KEY);

      const logged = await server.database.db
        .select()
        .from(events)
        .where(eq(events.type, 'copilot.settings'));
      expect(logged.length).toBeGreaterThan(0);
      expect(JSON.stringify(logged)).not.toContain(KEY);
      expect(logged.at(-1)).toMatchObject({
        before: { provider: 'offline', keySet: false },
        after: { provider: 'openai-compatible', keySet: true, keyChanged: true },
      });

      // Other fields change without touching the key; null clears it.
      const kept = await admin.patch('/v1/copilot/settings', { redactPii: false });
      expect(kept.body).toMatchObject({ keySet: true, redactPii: false });
      const cleared = await admin.patch('/v1/copilot/settings', { apiKey: null });
      expect(cleared.body).toMatchObject({ keySet: false, redactPii: false });
      await admin.patch('/v1/copilot/settings', { apiKey: KEY, redactPii: true });
    });

    it("gives every member's worker the credentials, key included, only while they are used", async () => {
      await admin.patch('/v1/copilot/settings', { ...external, externalAllowed: true });
      const r = await server.app.request('/v1/copilot/credentials', {
        headers: {
          authorization: `Bearer ${(await server.signIn('ana@acme.test', 'agent')).token}`,
        },
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(await r.json()).toEqual({
        provider: 'openai-compatible',
        baseUrl: 'http://127.0.0.1:11434/v1',
        model: 'llama3.1:8b',
        apiKey: KEY,
        redactPii: true,
        externalAllowed: true,
      });

      await admin.patch('/v1/copilot/settings', { externalAllowed: false });
      expect((await agent.get('/v1/copilot/credentials')).body).toMatchObject({
        externalAllowed: false,
        apiKey: null,
      });
      await admin.patch('/v1/copilot/settings', { externalAllowed: true, provider: 'offline' });
      expect((await agent.get('/v1/copilot/credentials')).body).toMatchObject({
        provider: 'offline',
        apiKey: null,
      });
      // The key is still stored: switching back needs no new key.
      expect((await admin.get('/v1/copilot/settings')).body).toMatchObject({ keySet: true });
    });

    it('refuses agents and leads, and says what is wrong with a bad body', async () => {
      expect((await agent.patch('/v1/copilot/settings', { redactPii: false })).status).toBe(403);
      expect((await lead.patch('/v1/copilot/settings', { provider: 'offline' })).status).toBe(403);

      const unknown = await admin.patch('/v1/copilot/settings', { provider: 'gpt' });
      expect(unknown).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_body', issues: [{ path: 'provider' }] } },
      });
      const extra = await admin.patch('/v1/copilot/settings', { temperature: 2 });
      expect(extra).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
      expect(extra.body.error.message).toContain('temperature');

      const notHttp = await admin.patch('/v1/copilot/settings', { baseUrl: 'ftp://models.test' });
      expect(notHttp).toMatchObject({
        status: 400,
        body: {
          error: { issues: [{ path: 'baseUrl', message: expect.stringContaining('http') }] },
        },
      });

      await admin.patch('/v1/copilot/settings', {
        provider: 'offline',
        baseUrl: null,
        model: null,
      });
      const incomplete = await admin.patch('/v1/copilot/settings', {
        provider: 'openai-compatible',
      });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.error.message).toMatch(/baseUrl: .*needs a base URL/);
      expect(incomplete.body.error.message).toMatch(/model: .*needs a model/);
      // Nothing of a refused edit was kept.
      expect((await admin.get('/v1/copilot/settings')).body).toMatchObject({
        provider: 'offline',
        baseUrl: null,
      });
    });

    it('resends the workspace record on a change, so workers drop cached settings', async () => {
      const { cursor } = (await agent.get('/v1/bootstrap')).body;
      await admin.patch('/v1/copilot/settings', { redactPii: true });
      const pulled = await agent.post('/v1/pull', { clientId: randomUUID(), cursor });
      expect(pulled.body.changes).toContainEqual(expect.objectContaining({ entity: 'workspace' }));
    });

    it('keeps the workspace settings route as it was', async () => {
      expect((await agent.get('/v1/workspace/settings')).body).toMatchObject({ copilot: null });
    });
  });
}
