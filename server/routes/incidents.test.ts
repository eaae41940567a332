import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Incident, IncidentMonitor } from '../../lib/schema';
import { matchIncident } from '../automation/incidents';
import { lockWorkspace } from '../domain/write';
import { insertConversation } from '../testing/automation';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

const monitorBody = (patch: Record<string, unknown> = {}) => ({
  name: 'Login failures',
  tags: ['login-failure'],
  keywords: ['Login Failure'],
  threshold: 2,
  windowMinutes: 60,
  teamId: null,
  templateId: null,
  escalateAfterMinutes: 15,
  ...patch,
});

for (const target of testDatabases()) {
  describe(`incidents API [${target.name}]`, () => {
    let server: TestServer;
    let ada: TestSession;
    let admin: ReturnType<typeof client>;
    let lead: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;
    let other: ReturnType<typeof client>;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      ada = await server.signIn('ada@acme.test', 'admin');
      admin = client(server, ada);
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      agent = client(server, await server.signIn('ana@acme.test', 'agent'));
      other = client(server, await server.signIn('oz@b.test', 'admin', { workspace: 'Other' }));
    });
    afterAll(() => server?.close());

    /** Conversations arriving as the automation engine would see them, until a spike opens. */
    const spike = async (monitorSubject = 'login failure', n = 2) => {
      let last: Awaited<ReturnType<typeof matchIncident>> = [];
      for (let i = 0; i < n; i++)
        last = await server.database.db.transaction(async (tx) => {
          await lockWorkspace(tx, ada.workspace.id);
          const c = await insertConversation(tx, ada.workspace.id, { subject: monitorSubject });
          return matchIncident(tx, ada.workspace.id, c, new Date());
        });
      return last;
    };

    it('leads create, list, change and delete monitors; agents may not', async () => {
      const made = await lead.post('/v1/incidents/monitors', monitorBody());
      expect(made.status).toBe(201);
      const monitor = IncidentMonitor.parse(made.body);
      expect(monitor).toMatchObject({ enabled: true, keywords: ['login failure'] });
      expect((await admin.get('/v1/incidents/monitors')).body).toEqual([monitor]);
      const changed = await admin.patch(`/v1/incidents/monitors/${monitor.id}`, {
        threshold: 5,
        enabled: false,
      });
      expect(changed.body).toEqual({ ...monitor, threshold: 5, enabled: false });
      expect((await agent.get('/v1/incidents/monitors')).status).toBe(403);
      expect((await agent.post('/v1/incidents/monitors', monitorBody())).status).toBe(403);
      expect((await other.get('/v1/incidents/monitors')).body).toEqual([]);
      expect(
        (await other.patch(`/v1/incidents/monitors/${monitor.id}`, { threshold: 3 })).status,
      ).toBe(404);
      expect((await other.delete(`/v1/incidents/monitors/${monitor.id}`)).status).toBe(404);
      expect((await lead.delete(`/v1/incidents/monitors/${monitor.id}`)).status).toBe(204);
      expect((await lead.get('/v1/incidents/monitors')).body).toEqual([]);
      expect((await lead.delete(`/v1/incidents/monitors/${monitor.id}`)).status).toBe(404);
    });

    it('refuses invalid monitors, and teams or templates of other workspaces', async () => {
      for (const body of [
        monitorBody({ tags: [], keywords: [] }),
        monitorBody({ threshold: 1 }),
        monitorBody({ windowMinutes: 0 }),
        { name: 'Half' },
      ])
        expect((await lead.post('/v1/incidents/monitors', body)).status).toBe(400);
      const theirTeam = (await other.post('/v1/teams', { name: 'Theirs' })).body;
      expect(
        await lead.post('/v1/incidents/monitors', monitorBody({ teamId: theirTeam.id })),
      ).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'teamId' }] } } });
      const theirTemplate = (
        await other.post('/v1/templates', { title: 'T', body: 'B', scope: 'workspace' })
      ).body;
      expect(
        await lead.post('/v1/incidents/monitors', monitorBody({ templateId: theirTemplate.id })),
      ).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'templateId' }] } } });
      const mine = (
        await admin.post('/v1/templates', { title: 'Ours', body: 'B', scope: 'workspace' })
      ).body;
      const team = (await lead.post('/v1/teams', { name: 'Backend' })).body;
      const linked = await lead.post(
        '/v1/incidents/monitors',
        monitorBody({ name: 'Linked', teamId: team.id, templateId: mine.id }),
      );
      expect(linked).toMatchObject({ status: 201, body: { teamId: team.id, templateId: mine.id } });
      // The team goes: the monitor stays, routing nowhere.
      expect((await lead.delete(`/v1/teams/${team.id}`)).status).toBe(204);
      const [kept] = (await lead.get('/v1/incidents/monitors')).body as IncidentMonitor[];
      expect(kept).toMatchObject({ id: linked.body.id, teamId: null, templateId: mine.id });
      // A change that would leave the monitor matching nothing is refused as a whole.
      const emptied = await lead.patch(`/v1/incidents/monitors/${linked.body.id}`, {
        tags: [],
        keywords: [],
      });
      expect(emptied).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'tags' }] } },
      });
      expect(
        (await lead.patch(`/v1/incidents/monitors/${linked.body.id}`, { teamId: theirTeam.id }))
          .status,
      ).toBe(400);
      expect((await lead.patch(`/v1/incidents/monitors/${linked.body.id}`, {})).status).toBe(400);
      await lead.delete(`/v1/incidents/monitors/${linked.body.id}`);
    });

    it('every member lists incidents; leads resolve them once', async () => {
      const monitor = (await lead.post('/v1/incidents/monitors', monitorBody({ name: 'Outage' })))
        .body;
      const [match] = await spike();
      expect(match).toMatchObject({ opened: true, monitor: { id: monitor.id } });
      const opened = match!.incident!;
      const open = await agent.get('/v1/incidents');
      expect(open.status).toBe(200);
      expect(open.body).toEqual([Incident.parse(opened)]);
      expect((await other.get('/v1/incidents?state=all')).body).toEqual([]);
      expect((await agent.post(`/v1/incidents/${opened.id}/resolve`)).status).toBe(403);
      expect((await other.post(`/v1/incidents/${opened.id}/resolve`)).status).toBe(404);
      const resolved = await lead.post(`/v1/incidents/${opened.id}/resolve`);
      expect(resolved.status).toBe(200);
      expect(resolved.body.resolvedAt).not.toBeNull();
      expect((await lead.post(`/v1/incidents/${opened.id}/resolve`)).status).toBe(409);
      expect((await agent.get('/v1/incidents?state=open')).body).toEqual([]);
      const [again] = await spike();
      const all = (await agent.get('/v1/incidents?state=all')).body as Incident[];
      expect(all.map((i) => i.id)).toEqual([again!.incident!.id, opened.id]);
      expect((await agent.get('/v1/incidents?state=closed')).status).toBe(400);
      expect((await lead.post(`/v1/incidents/${randomUUID()}/resolve`)).status).toBe(404);
      const events = await server.database.db.query.events.findMany({
        where: (e, { eq }) => eq(e.type, 'incident.resolved'),
      });
      expect(events).toHaveLength(1);
    });
  });
}
