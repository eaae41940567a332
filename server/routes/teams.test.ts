import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING } from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

for (const target of testDatabases()) {
  describe(`teams [${target.name}]`, () => {
    let server: TestServer;
    let lead: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;
    let ana: TestSession;
    let bo: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      ana = await server.signIn('ana@acme.test', 'agent');
      bo = await server.signIn('bo@acme.test', 'agent');
      agent = client(server, ana);
    });
    afterAll(() => server?.close());

    it('creates, renames and lists teams with their members', async () => {
      const made = await lead.post('/v1/teams', {
        name: 'Billing',
        memberIds: [ana.member.id, ana.member.id],
      });
      expect(made).toMatchObject({
        status: 201,
        body: { name: 'Billing', memberIds: [ana.member.id] },
      });
      expect((await lead.post('/v1/teams', { name: 'Billing' })).status).toBe(409);
      const renamed = await lead.patch(`/v1/teams/${made.body.id}`, { name: 'Payments' });
      expect(renamed.body).toMatchObject({ name: 'Payments', memberIds: [ana.member.id] });
      const set = await lead.put(`/v1/teams/${made.body.id}/members`, {
        memberIds: [bo.member.id, ana.member.id],
      });
      expect(set.body.memberIds).toEqual([ana.member.id, bo.member.id].sort());
      const listed = (await agent.get('/v1/teams')).body;
      expect(listed).toContainEqual({
        id: made.body.id,
        name: 'Payments',
        memberIds: [ana.member.id, bo.member.id].sort(),
        routing: DEFAULT_ROUTING,
      });
    });

    it('refuses members of other workspaces and agents managing teams', async () => {
      const other = await server.signIn('oz@b.test', 'admin', { workspace: 'B' });
      const bad = await lead.post('/v1/teams', {
        name: 'Mixed',
        memberIds: [ana.member.id, other.member.id],
      });
      expect(bad).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'memberIds.1' }] } },
      });
      expect((await agent.post('/v1/teams', { name: 'Mine' })).status).toBe(403);
      expect((await lead.patch(`/v1/teams/${randomUUID()}`, { name: 'x' })).status).toBe(404);
    });

    it('deletes a team only once its templates are gone', async () => {
      const team = (await lead.post('/v1/teams', { name: 'Backend' })).body;
      const t = (
        await lead.post('/v1/templates', { title: 'b', body: 'x', scope: 'team', teamId: team.id })
      ).body;
      expect(await lead.delete(`/v1/teams/${team.id}`)).toMatchObject({
        status: 409,
        body: { error: { code: 'conflict' } },
      });
      expect((await lead.delete(`/v1/templates/${t.id}`)).status).toBe(204);
      expect((await lead.delete(`/v1/teams/${team.id}`)).status).toBe(204);
      expect((await agent.get('/v1/teams')).body.map((x: { id: string }) => x.id)).not.toContain(
        team.id,
      );
    });
  });
}
