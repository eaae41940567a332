import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditPage } from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

for (const target of testDatabases()) {
  describe(`audit log [${target.name}]`, () => {
    let server: TestServer;
    let ada: TestSession;
    let leo: TestSession;
    let ana: TestSession;
    const entries = async () =>
      AuditPage.parse((await client(server, ada).get('/v1/audit?limit=200')).body).entries;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      ada = await server.signIn('ada@acme.test', 'admin');
      leo = await server.signIn('leo@acme.test', 'lead');
      ana = await server.signIn('ana@acme.test', 'agent');
    });
    afterAll(() => server?.close());

    it('records settings and member changes with who, what and the fields changed', async () => {
      const admin = client(server, ada);
      await admin.patch('/v1/workspace/settings', {
        retentionDays: 90,
        mailboxes: ['a@acme.test'],
      });
      await admin.patch(`/v1/members/${ana.member.id}`, { role: 'lead' });
      await admin.post('/v1/invites', { email: 'new@acme.test', role: 'agent' });
      const [invite, role, settings] = await entries();
      expect(settings).toMatchObject({
        actorId: ada.member.id,
        action: 'PATCH /v1/workspace/settings',
        target: null,
        summary: { fields: ['mailboxes', 'retentionDays'], values: { retentionDays: 90 } },
      });
      expect(role).toMatchObject({
        action: 'PATCH /v1/members/:id',
        target: ana.member.id,
        summary: { params: { id: ana.member.id }, values: { role: 'lead' } },
      });
      expect(invite).toMatchObject({
        action: 'POST /v1/invites',
        summary: { values: { email: 'new@acme.test', role: 'agent' } },
      });
      await admin.patch(`/v1/members/${ana.member.id}`, { role: 'agent' });
    });

    it("records a lead's admin change, but not an agent's own availability", async () => {
      await client(server, leo).post('/v1/teams', { name: 'Frontline' });
      await client(server, ana).patch(`/v1/members/${ana.member.id}`, { availability: 'away' });
      const [latest] = await entries();
      expect(latest).toMatchObject({ actorId: leo.member.id, action: 'POST /v1/teams' });
    });

    it('keeps no entry for a change that was refused or rolled back', async () => {
      const admin = client(server, ada);
      const before = (await entries()).length;
      expect((await admin.patch('/v1/workspace/settings', { retentionDays: 7 })).status).toBe(400);
      const template = await admin.post('/v1/templates', {
        title: 'T',
        body: 'b',
        scope: 'workspace',
      });
      // A stale revision is found inside the write transaction: its audit entry rolls back too.
      const stale = await admin.patch(`/v1/templates/${template.body.id}`, {
        revision: 9,
        title: 'X',
      });
      expect(stale.status).toBe(409);
      const after = await entries();
      expect(after.length).toBe(before + 1);
      expect(after[0]).toMatchObject({ action: 'POST /v1/templates' });
      // No bodies: the template's text is not in its entry.
      expect(JSON.stringify(after[0])).not.toContain('"b"');
    });

    it('pages newest first, and only admins read it', async () => {
      const admin = client(server, ada);
      const first = AuditPage.parse((await admin.get('/v1/audit?limit=2')).body);
      expect(first.entries).toHaveLength(2);
      const second = AuditPage.parse(
        (await admin.get(`/v1/audit?limit=2&before=${encodeURIComponent(first.next!)}`)).body,
      );
      const all = await entries();
      expect([...first.entries, ...second.entries]).toEqual(all.slice(0, 4));
      expect((await client(server, leo).get('/v1/audit')).status).toBe(403);
      expect((await client(server, ana).get('/v1/audit')).status).toBe(403);
    });
  });
}
