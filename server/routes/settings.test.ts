import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/test-server';

for (const target of testDatabases()) {
  describe(`workspace settings [${target.name}]`, () => {
    let server: TestServer;
    let admin: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      admin = client(server, await server.signIn('ada@acme.test', 'admin'));
      agent = client(server, await server.signIn('ana@acme.test', 'agent'));
    });
    afterAll(() => server?.close());

    it('starts empty and is readable by every member', async () => {
      expect((await agent.get('/v1/workspace/settings')).body).toEqual({
        name: 'Test workspace',
        mailboxes: [],
        retentionDays: null,
        copilot: null,
      });
    });

    it('lets admins change name, mailboxes and retention; the name reaches pull', async () => {
      const { cursor } = (await agent.get('/v1/bootstrap')).body;
      const r = await admin.patch('/v1/workspace/settings', {
        name: 'Acme support',
        mailboxes: ['Help@Acme.test', 'help@acme.test', 'billing@acme.test'],
        retentionDays: 365,
      });
      expect(r.body).toEqual({
        name: 'Acme support',
        mailboxes: ['help@acme.test', 'billing@acme.test'],
        retentionDays: 365,
        copilot: null,
      });
      const pulled = await agent.post('/v1/pull', { clientId: randomUUID(), cursor });
      expect(pulled.body.changes).toContainEqual(
        expect.objectContaining({
          entity: 'workspace',
          record: expect.objectContaining({ name: 'Acme support' }),
        }),
      );
      expect(
        (await admin.patch('/v1/workspace/settings', { retentionDays: null })).body,
      ).toMatchObject({ retentionDays: null, mailboxes: ['help@acme.test', 'billing@acme.test'] });
    });

    it('refuses agents, short retention and bad addresses', async () => {
      expect((await agent.patch('/v1/workspace/settings', { retentionDays: 60 })).status).toBe(403);
      const short = await admin.patch('/v1/workspace/settings', { retentionDays: 7 });
      expect(short).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'retentionDays' }] } },
      });
      const bad = await admin.patch('/v1/workspace/settings', {
        mailboxes: ['ok@acme.test', 'nope'],
      });
      expect(bad).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'mailboxes.1' }] } },
      });
      expect((await admin.patch('/v1/workspace/settings', { copilot: { x: 1 } })).status).toBe(400);
    });
  });
}
