import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, Team } from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { calendarInput } from '../testing/sla';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

for (const target of testDatabases()) {
  describe(`team routing and member routing profiles [${target.name}]`, () => {
    let server: TestServer;
    let admin: ReturnType<typeof client>;
    let lead: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;
    let ana: TestSession;
    let leo: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      admin = client(server, await server.signIn('ada@acme.test', 'admin'));
      leo = await server.signIn('leo@acme.test', 'lead');
      lead = client(server, leo);
      ana = await server.signIn('ana@acme.test', 'agent');
      agent = client(server, ana);
    });
    afterAll(() => server?.close());

    const team = async (name = `T ${randomUUID().slice(0, 8)}`) =>
      Team.parse((await lead.post('/v1/teams', { name })).body);

    it('leads change a team’s routing; teams start manual; agents may not', async () => {
      const t = await team();
      expect(t.routing).toEqual(DEFAULT_ROUTING);
      const r = await lead.patch(`/v1/teams/${t.id}/routing`, {
        mode: 'load_balanced',
        useSkills: true,
      });
      expect(r.status).toBe(200);
      expect(Team.parse(r.body).routing).toEqual({
        ...DEFAULT_ROUTING,
        mode: 'load_balanced',
        useSkills: true,
      });
      const listed = (await agent.get('/v1/teams')).body as Team[];
      expect(listed.find((x) => x.id === t.id)?.routing.mode).toBe('load_balanced');
      expect((await agent.patch(`/v1/teams/${t.id}/routing`, { mode: 'manual' })).status).toBe(403);
    });

    it('refuses bodies that change nothing or are not routing', async () => {
      const t = await team();
      for (const body of [{}, { mode: 'random' }, { deadlineAware: 'yes' }, { escalatesTo: 'x' }])
        expect((await lead.patch(`/v1/teams/${t.id}/routing`, body)).status).toBe(400);
      expect(
        (await lead.patch(`/v1/teams/${randomUUID()}/routing`, { mode: 'manual' })).status,
      ).toBe(404);
    });

    it('escalates to another team of the workspace, never in a circle', async () => {
      const [front, specialists, seniors] = [await team(), await team(), await team()];
      const escalate = (from: Team, to: string | null) =>
        lead.patch(`/v1/teams/${from.id}/routing`, { escalatesTo: to });
      expect((await escalate(front, specialists.id)).body.routing.escalatesTo).toBe(specialists.id);
      expect((await escalate(specialists, seniors.id)).status).toBe(200);
      const circle = await escalate(seniors, front.id);
      expect(circle).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'escalatesTo', message: /circle/ }] } },
      });
      expect((await escalate(front, front.id)).status).toBe(400);
      const elsewhere = client(
        server,
        await server.signIn('oz@b.test', 'admin', { workspace: 'Other' }),
      );
      const foreign = Team.parse((await elsewhere.post('/v1/teams', { name: 'Theirs' })).body);
      expect(await escalate(front, foreign.id)).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'escalatesTo', message: /no such team/ }] } },
      });
      expect((await escalate(front, randomUUID())).status).toBe(400);
      // The last tier, and an edit that leaves the tier alone, are fine.
      expect((await escalate(seniors, null)).status).toBe(200);
      expect(
        (await lead.patch(`/v1/teams/${front.id}/routing`, { mode: 'round_robin' })).body,
      ).toMatchObject({ routing: { mode: 'round_robin', escalatesTo: specialists.id } });
      // Deleting a tier makes the one below it the last.
      expect((await lead.delete(`/v1/teams/${specialists.id}`)).status).toBe(204);
      const teams = (await lead.get('/v1/teams')).body as Team[];
      expect(teams.find((t) => t.id === front.id)?.routing.escalatesTo).toBeNull();
      // Other workspaces cannot see or change the team.
      expect(
        (await elsewhere.patch(`/v1/teams/${front.id}/routing`, { mode: 'manual' })).status,
      ).toBe(404);
    });

    it('leads and admins set skills and working hours; the member record gets a new version', async () => {
      const calendar = (await admin.post('/v1/sla/calendars', calendarInput('Ana hours'))).body;
      const before = (await agent.get('/v1/me')).body.member;
      const r = await lead.patch(`/v1/members/${ana.member.id}`, {
        skills: ['billing', 'billing', 'SSO'],
        calendarId: calendar.id,
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ skills: ['billing', 'SSO'], calendarId: calendar.id });
      expect(r.body.version).toBeGreaterThan(before.version);
      const pulled = await agent.post('/v1/pull', {
        clientId: randomUUID(),
        cursor: before.version,
        limit: 2000,
      });
      expect(pulled.body.changes).toContainEqual(
        expect.objectContaining({
          entity: 'member',
          id: ana.member.id,
          record: expect.objectContaining({ skills: ['billing', 'SSO'] }),
        }),
      );
      const cleared = await admin.patch(`/v1/members/${ana.member.id}`, { calendarId: null });
      expect(cleared.body.calendarId).toBeNull();
    });

    it('refuses other calendars, and anyone but leads and admins', async () => {
      const unknown = await lead.patch(`/v1/members/${ana.member.id}`, {
        calendarId: randomUUID(),
      });
      expect(unknown).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'calendarId' }] } },
      });
      const elsewhere = client(
        server,
        await server.signIn('oz@b.test', 'admin', { workspace: 'Other' }),
      );
      const theirs = (await elsewhere.post('/v1/sla/calendars', calendarInput('Theirs'))).body;
      expect(
        (await lead.patch(`/v1/members/${ana.member.id}`, { calendarId: theirs.id })).status,
      ).toBe(400);
      expect((await agent.patch(`/v1/members/${ana.member.id}`, { skills: ['x'] })).status).toBe(
        403,
      );
      expect((await agent.patch(`/v1/members/${leo.member.id}`, { skills: ['x'] })).status).toBe(
        403,
      );
      // A lead still changes only the routing profile of others.
      expect(
        (await lead.patch(`/v1/members/${ana.member.id}`, { skills: [], capacity: 5 })).status,
      ).toBe(403);
      expect((await lead.patch(`/v1/members/${leo.member.id}`, { skills: ['sso'] })).status).toBe(
        200,
      );
      expect(
        (await elsewhere.patch(`/v1/members/${ana.member.id}`, { skills: ['x'] })).status,
      ).toBe(404);
    });
  });
}
