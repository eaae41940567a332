import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../testing/client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

for (const target of testTargets()) {
  describe(`templates [${target.name}]`, () => {
    let server: TestServer;
    let admin: ReturnType<typeof client>;
    let lead: ReturnType<typeof client>;
    let ana: ReturnType<typeof client>;
    let bo: ReturnType<typeof client>;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      admin = client(server, await server.signIn('ada@acme.test', 'admin'));
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      ana = client(server, await server.signIn('ana@acme.test', 'agent'));
      bo = client(server, await server.signIn('bo@acme.test', 'agent'));
    });
    afterAll(() => server?.close());

    const input = (scope: string, title = scope) => ({ title, body: `Hi {{name}}`, scope });

    it('enforces who writes which scope', async () => {
      expect((await ana.post('/v1/templates', input('personal'))).status).toBe(201);
      expect((await ana.post('/v1/templates', input('team'))).status).toBe(403);
      expect((await lead.post('/v1/templates', input('team'))).status).toBe(201);
      expect((await lead.post('/v1/templates', input('workspace'))).status).toBe(403);
      expect((await admin.post('/v1/templates', input('workspace'))).status).toBe(201);
    });

    it("shows workspace, team and one's own personal templates only", async () => {
      await bo.post('/v1/templates', input('personal', 'bo-private'));
      const seen = (await ana.get('/v1/templates')).body.map((t: { title: string }) => t.title);
      expect(seen).toContain('team');
      expect(seen).toContain('workspace');
      expect(seen).not.toContain('bo-private');
      const { body } = await ana.get('/v1/bootstrap');
      expect(JSON.stringify(body)).not.toContain('bo-private');
    });

    it('refuses a stale revision with the current template', async () => {
      const t = (await lead.post('/v1/templates', input('team', 'shared'))).body;
      const first = await admin.patch(`/v1/templates/${t.id}`, { revision: 1, body: 'v2' });
      expect(first.body).toMatchObject({ revision: 2, body: 'v2' });
      const stale = await lead.patch(`/v1/templates/${t.id}`, { revision: 1, body: 'mine' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        error: { code: 'conflict' },
        current: { revision: 2, body: 'v2' },
      });
    });

    it("keeps another member's personal template out of reach", async () => {
      const t = (await bo.post('/v1/templates', input('personal', 'bo-2'))).body;
      expect((await ana.patch(`/v1/templates/${t.id}`, { revision: 1, title: 'x' })).status).toBe(
        404,
      );
      expect((await admin.delete(`/v1/templates/${t.id}`)).status).toBe(404);
      expect((await ana.post('/v1/templates', input('personal'))).status).toBe(201);
      const mine = (await ana.get('/v1/templates')).body.find(
        (x: { scope: string }) => x.scope === 'personal',
      );
      expect(
        (await ana.patch(`/v1/templates/${mine.id}`, { revision: mine.revision, scope: 'team' }))
          .status,
      ).toBe(403);
    });

    it('deletes as a tombstone that pull reports', async () => {
      const t = (await admin.post('/v1/templates', input('workspace', 'gone'))).body;
      expect((await admin.delete(`/v1/templates/${t.id}`)).status).toBe(204);
      const { body } = await ana.post('/v1/pull', {
        clientId: crypto.randomUUID(),
        cursor: t.version,
        limit: 100,
      });
      expect(body.changes).toContainEqual(expect.objectContaining({ id: t.id, record: null }));
    });
  });
}
