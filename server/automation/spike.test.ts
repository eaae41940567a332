import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { conversations, events, notes } from '../db/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { customerMessage, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

const T0 = Date.parse('2026-11-30T09:00:00.000Z');
const MINUTE = 60_000;

/**
 * The spike scenario of the demo workspace, on a controlled clock: three "login failure"
 * conversations within an hour open an incident, go to the backend team, and escalate to
 * the senior tier after 15 minutes without a response; the one that was answered does not.
 */
for (const target of testDatabases()) {
  describe(`spike detection and escalation tiers [${target.name}]`, () => {
    let server: TestServer;
    let clock = new Date(T0);
    const at = (minutes: number) => {
      clock = new Date(T0 + minutes * MINUTE);
    };
    let admin: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;
    const ids: Record<string, string> = {};
    const clientId = randomUUID();
    let n = 0;

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => clock });
      admin = client(server, await server.signIn('ada@acme.test', 'admin', { name: 'Ada' }));
      for (const [name, role] of [
        ['Leo', 'lead'],
        ['Ben', 'agent'],
        ['Bea', 'agent'],
        ['Sam', 'agent'],
        ['Ana', 'agent'],
      ] as const) {
        const s = await server.signIn(`${name.toLowerCase()}@acme.test`, role, { name });
        ids[name] = s.member.id;
        if (name === 'Ana') agent = client(server, s);
      }
      await admin.patch('/v1/workspace/settings', { mailboxes: ['support@acme.test'] });
      const senior = await admin.post('/v1/teams', { name: 'Senior', memberIds: [ids.Sam] });
      const backend = await admin.post('/v1/teams', {
        name: 'Backend',
        memberIds: [ids.Ben, ids.Bea],
      });
      ids.senior = senior.body.id;
      ids.backend = backend.body.id;
      await admin.patch(`/v1/teams/${ids.senior}/routing`, { mode: 'round_robin' });
      const routed = await admin.patch(`/v1/teams/${ids.backend}/routing`, {
        mode: 'round_robin',
        escalatesTo: ids.senior,
      });
      expect(routed.status, JSON.stringify(routed.body)).toBe(200);
      const monitor = await admin.post('/v1/incidents/monitors', {
        name: 'Login failures',
        tags: [],
        keywords: ['login failure'],
        threshold: 3,
        windowMinutes: 60,
        teamId: ids.backend,
        templateId: null,
        escalateAfterMinutes: 15,
      });
      expect(monitor.status, JSON.stringify(monitor.body)).toBe(201);
    });
    afterAll(() => server?.close());

    const push = async (name: string, args: unknown) => {
      const r = await admin.post('/v1/push', { clientId, mutations: [mutation(++n, name, args)] });
      expect(r.body.results[0].status, JSON.stringify(r.body)).toBe('ok');
    };
    const arrive = async (subject: string) => {
      const m = customerMessage(subject, clock);
      await push('conversation.upsert', { meta: m });
      return conversationIdFor(m.key);
    };
    const row = async (id: string) => {
      const [found] = await server.database.db
        .select()
        .from(conversations)
        .where(eq(conversations.id, id));
      return found!;
    };
    const eventsOf = (id: string, type: string) =>
      server.database.db
        .select()
        .from(events)
        .where(and(eq(events.conversationId, id), eq(events.type, type)));

    it('three login failures within an hour open an incident; each goes to the backend team', async () => {
      at(0);
      const first = await arrive('Login failure on the app');
      at(25);
      const unrelated = await arrive('Invoice question');
      const second = await arrive('LOGIN FAILURE again');
      expect((await agent.get('/v1/incidents?state=open')).body).toEqual([]);
      expect((await row(first)).assigneeId).toBeNull();

      at(50);
      const third = await arrive('login failure since this morning');
      const open = (await agent.get('/v1/incidents?state=open')).body;
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ name: 'Login failures', teamId: ids.backend });
      expect([...open[0].conversationIds].sort()).toEqual([first, second, third].sort());

      const owners = await Promise.all(
        [first, second, third].map(async (id) => (await row(id)).assigneeId),
      );
      for (const id of [first, second, third]) expect((await row(id)).teamId).toBe(ids.backend);
      // Round-robin across Ben and Bea: two for one, one for the other.
      expect(
        owners.filter((o) => o === ids.Ben).length + owners.filter((o) => o === ids.Bea).length,
      ).toBe(3);
      expect(
        Math.abs(
          owners.filter((o) => o === ids.Ben).length - owners.filter((o) => o === ids.Bea).length,
        ),
      ).toBe(1);
      expect((await row(unrelated)).assigneeId).toBeNull();
      expect(await eventsOf(third, 'incident.opened')).toHaveLength(1);
      const [note] = await server.database.db
        .select()
        .from(notes)
        .where(eq(notes.conversationId, third));
      expect(note?.mentions.sort()).toEqual(
        [ids.Leo, (await admin.get('/v1/me')).body.member.id].sort(),
      );

      // A fourth match while it is open joins the incident and the team.
      at(55);
      const fourth = await arrive('Login failure: cannot sign in');
      expect((await agent.get('/v1/incidents?state=open')).body[0].conversationIds).toContain(
        fourth,
      );
      expect((await row(fourth)).teamId).toBe(ids.backend);
      Object.assign(ids, { first, second, third, fourth });
    });

    it('after 15 minutes without a response each match escalates to the senior tier; an answered one does not', async () => {
      at(60);
      await push('conversation.reply', { conversationId: ids.first, at: clock.toISOString() });
      at(64);
      await admin.post('/v1/sla/sweep');
      expect(await eventsOf(ids.second!, 'conversation.escalated')).toEqual([]);

      at(66);
      const swept = await admin.post('/v1/sla/sweep');
      expect(swept.status).toBe(200);
      for (const id of [ids.second!, ids.third!]) {
        const [escalated] = await eventsOf(id, 'conversation.escalated');
        expect(escalated?.after).toMatchObject({
          reason: 'No response within 15 minutes during incident “Login failures”',
          fromTeamId: ids.backend,
        });
        const c = await row(id);
        expect(c.teamId).toBe(ids.senior);
        expect(c.assigneeId).toBe(ids.Sam);
        // The previous owner follows it still.
        expect(c.followers).toHaveLength(1);
        expect([ids.Ben, ids.Bea]).toContain(c.followers[0]);
      }
      expect(await eventsOf(ids.first!, 'conversation.escalated')).toEqual([]);
      expect((await row(ids.first!)).teamId).toBe(ids.backend);
      // The fourth joined at 55: its 15 minutes are not up.
      expect(await eventsOf(ids.fourth!, 'conversation.escalated')).toEqual([]);
    });

    it('an agent escalates by hand with a reason: the next tier takes it and the agent follows', async () => {
      at(80);
      const id = await arrive('Billing export broken');
      await push('conversation.assign', {
        conversationId: id,
        assigneeId: ids.Ben,
        expectedAssigneeId: null,
        force: true,
      });
      await server.database.db
        .update(conversations)
        .set({ teamId: ids.backend })
        .where(eq(conversations.id, id));
      const ben = client(server, await server.signIn('ben@acme.test', 'agent', { name: 'Ben' }));
      const r = await ben.post('/v1/push', {
        clientId: randomUUID(),
        mutations: [
          mutation(1, 'conversation.escalate', {
            conversationId: id,
            reason: 'Needs a database fix',
          }),
        ],
      });
      expect(r.body.results[0].status).toBe('ok');
      const c = await row(id);
      expect(c.teamId).toBe(ids.senior);
      expect(c.assigneeId).toBe(ids.Sam);
      expect(c.followers).toEqual([ids.Ben]);
      const [escalated] = await eventsOf(id, 'conversation.escalated');
      expect(escalated?.actorId).toBe(ids.Ben);
      expect(escalated?.after).toMatchObject({
        reason: 'Needs a database fix',
        previousAssigneeId: ids.Ben,
      });
    });
  });
}
