import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template, TemplateVersion } from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { mutation } from '../testing/fixtures';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

type Client = ReturnType<typeof client>;

for (const target of testDatabases()) {
  describe(`template versions, usage, import and export [${target.name}]`, () => {
    let server: TestServer;
    let admin: Client;
    let lead: Client;
    let ana: Client;
    let bo: Client;
    let anaSession: TestSession;
    let adaSession: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      adaSession = await server.signIn('ada@acme.test', 'admin');
      admin = client(server, adaSession);
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      anaSession = await server.signIn('ana@acme.test', 'agent');
      ana = client(server, anaSession);
      bo = client(server, await server.signIn('bo@acme.test', 'agent'));
    });
    afterAll(() => server?.close());

    const full = {
      title: 'Refund',
      body: '<p>Hi {{name}}</p>',
      scope: 'workspace',
      folder: 'Billing',
      shortcut: 'refund',
      tags: ['billing', 'refunds'],
      instruction: 'Keep it short',
    };

    it('keeps tags, instruction and team, with defaults when left out', async () => {
      const made = await admin.post('/v1/templates', full);
      expect(made).toMatchObject({ status: 201, body: { ...full, teamId: null, revision: 1 } });
      const bare = await ana.post('/v1/templates', { title: 'x', body: 'y', scope: 'personal' });
      expect(bare.body).toMatchObject({ tags: [], instruction: null, teamId: null });
      const long = await admin.post('/v1/templates', { ...full, instruction: 'x'.repeat(2001) });
      expect(long).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    });

    it('writes a version on every save and restores revision 1 exactly', async () => {
      const t = (await admin.post('/v1/templates', full)).body as Template;
      await admin.patch(`/v1/templates/${t.id}`, { revision: 1, body: 'two', tags: [] });
      await lead.patch(`/v1/templates/${t.id}`, { revision: 2, title: 'three' }); // 403: workspace
      const v3 = await admin.patch(`/v1/templates/${t.id}`, { revision: 2, instruction: null });
      expect(v3.body.revision).toBe(3);

      const versions = (await ana.get(`/v1/templates/${t.id}/versions`)).body as TemplateVersion[];
      expect(versions.map((v) => v.revision)).toEqual([3, 2, 1]);
      expect(versions[2]).toMatchObject({ content: { ...full, teamId: null } });
      expect(versions.every((v) => v.authorId === adaSession.member.id)).toBe(true);

      const restored = await admin.post(`/v1/templates/${t.id}/restore`, {
        revision: 1,
        fromRevision: 3,
      });
      expect(restored).toMatchObject({ status: 200, body: { ...full, revision: 4 } });
      const history = (await admin.get(`/v1/templates/${t.id}/versions`)).body;
      expect(history[0].content).toEqual(history.at(-1).content);
    });

    it('refuses a restore or an edit from a stale revision, with the current template', async () => {
      const t = (await admin.post('/v1/templates', full)).body as Template;
      await admin.patch(`/v1/templates/${t.id}`, { revision: 1, body: 'newer' });
      const stale = await admin.post(`/v1/templates/${t.id}/restore`, {
        revision: 1,
        fromRevision: 1,
      });
      expect(stale).toMatchObject({
        status: 409,
        body: { error: { code: 'conflict' }, current: { revision: 2, body: 'newer' } },
      });
      expect((await admin.post(`/v1/templates/${t.id}/restore`, { revision: 9 })).status).toBe(404);
    });

    it('lets only writers restore; readers see versions; strangers see nothing', async () => {
      const t = (await admin.post('/v1/templates', full)).body as Template;
      expect((await lead.post(`/v1/templates/${t.id}/restore`, { revision: 1 })).status).toBe(403);
      const mine = (await bo.post('/v1/templates', { title: 'b', body: 'b', scope: 'personal' }))
        .body as Template;
      expect((await ana.get(`/v1/templates/${mine.id}/versions`)).status).toBe(404);
      expect((await ana.get(`/v1/templates/${mine.id}/usage`)).status).toBe(404);
      expect((await bo.post(`/v1/templates/${mine.id}/restore`, { revision: 1 })).status).toBe(200);
    });

    it('counts uses per member from template.used events', async () => {
      const t = (await admin.post('/v1/templates', full)).body as Template;
      const use = (who: Client, n: number) =>
        who.post('/v1/push', {
          clientId: randomUUID(),
          mutations: Array.from({ length: n }, (_, i) =>
            mutation(i + 1, 'template.use', { templateId: t.id, conversationId: null }),
          ),
        });
      expect((await admin.get(`/v1/templates/${t.id}/usage`)).body).toEqual({
        count: 0,
        lastUsedAt: null,
        byMember: [],
      });
      await use(ana, 2);
      await use(bo, 1);
      const usage = (await admin.get(`/v1/templates/${t.id}/usage`)).body;
      expect(usage).toMatchObject({
        count: 3,
        byMember: [
          { memberId: anaSession.member.id, count: 2 },
          { memberId: expect.any(String), count: 1 },
        ],
      });
      expect(usage.lastUsedAt).toBe(
        usage.byMember
          .map((m: { lastUsedAt: string }) => m.lastUsedAt)
          .sort()
          .at(-1),
      );
    });

    it('exports what you see and imports it back, all in one version', async () => {
      const exported = (await lead.get('/v1/templates/export')).body;
      expect(exported.version).toBe(1);
      expect(exported.templates.length).toBeGreaterThan(0);
      expect(JSON.stringify(exported)).not.toContain('"personal"'); // leo has none
      const fresh = await server.signIn('ivo@acme.test', 'admin');
      const ivo = client(server, fresh);
      const imported = await ivo.post('/v1/templates/import', exported);
      expect(imported.status).toBe(201);
      const versions = new Set(imported.body.templates.map((x: Template) => x.version));
      expect(versions.size).toBe(1);
      expect(imported.body.templates.map((x: Template) => x.title).sort()).toEqual(
        exported.templates.map((x: { title: string }) => x.title).sort(),
      );
      const again = (await ivo.get('/v1/templates/export')).body.templates;
      expect(again.length).toBe(exported.templates.length * 2);
    });

    it('imports nothing from a bad file and names the first problem', async () => {
      const before = (await admin.get('/v1/templates')).body.length;
      const bad = await admin.post('/v1/templates/import', {
        version: 1,
        templates: [
          { title: 'ok', body: 'x', scope: 'workspace' },
          { title: 'ok', body: 'x', scope: 'workspace', shortcut: 'Bad Shortcut' },
        ],
      });
      expect(bad).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_body', issues: [{ path: 'templates.1.shortcut' }] } },
      });
      const unknownTeam = await admin.post('/v1/templates/import', {
        version: 1,
        templates: [
          { title: 'ok', body: 'x', scope: 'team' },
          { title: 't', body: 'x', scope: 'team', teamId: randomUUID() },
        ],
      });
      expect(unknownTeam).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'templates.1.teamId' }] } },
      });
      const agentImport = await ana.post('/v1/templates/import', {
        version: 1,
        templates: [{ title: 'w', body: 'x', scope: 'workspace' }],
      });
      expect(agentImport).toMatchObject({
        status: 403,
        body: { error: { issues: [{ path: 'templates.0.scope' }] } },
      });
      expect((await admin.post('/v1/templates/import', { version: 2, templates: [] })).status).toBe(
        400,
      );
      expect((await admin.get('/v1/templates')).body.length).toBe(before);
    });

    it("shows a team's templates to its members, leads and admins; pull follows membership", async () => {
      const team = (await lead.post('/v1/teams', { name: 'Billing', memberIds: [] })).body;
      const t = (
        await lead.post('/v1/templates', {
          title: 'team-only',
          body: 'x',
          scope: 'team',
          teamId: team.id,
        })
      ).body as Template;
      const titles = async (who: Client) =>
        (await who.get('/v1/templates')).body.map((x: Template) => x.title);
      expect(await titles(ana)).not.toContain('team-only');
      expect(await titles(admin)).toContain('team-only');
      expect((await ana.get(`/v1/templates/${t.id}/versions`)).status).toBe(404);
      const boot = await ana.get('/v1/bootstrap');
      expect(JSON.stringify(boot.body)).not.toContain('team-only');

      const clientId = randomUUID();
      const cursor = boot.body.cursor;
      await lead.put(`/v1/teams/${team.id}/members`, { memberIds: [anaSession.member.id] });
      const joined = await ana.post('/v1/pull', { clientId, cursor });
      expect(joined.body.changes).toContainEqual(
        expect.objectContaining({
          id: t.id,
          record: expect.objectContaining({ title: 'team-only' }),
        }),
      );
      expect(await titles(ana)).toContain('team-only');

      await lead.put(`/v1/teams/${team.id}/members`, { memberIds: [] });
      const left = await ana.post('/v1/pull', { clientId, cursor: joined.body.cursor });
      expect(left.body.changes).toContainEqual(expect.objectContaining({ id: t.id, record: null }));

      expect((await ana.patch(`/v1/templates/${t.id}`, { revision: 1, title: 'x' })).status).toBe(
        404,
      );
      const wrong = await admin.patch(`/v1/templates/${t.id}`, { revision: 1, scope: 'workspace' });
      expect(wrong.body.teamId).toBeNull();
      const bad = await admin.patch(`/v1/templates/${t.id}`, { revision: 2, teamId: team.id });
      expect(bad).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'teamId' }] } } });
    });
  });
}
