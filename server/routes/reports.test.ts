import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { conversationFacts, reportFigures } from '../../lib/metrics';
import {
  type Conversation,
  type ConversationMeta,
  ConversationReport,
  type Event,
  ReportConversations,
  ReportSummary,
  type SlaPolicyRecord,
} from '../../lib/schema';
import { matchPolicy } from '../../lib/sla';
import { refreshRollups } from '../reports/refresh';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { calendarInput, policyInput } from '../testing/sla';
import { startTestServer, type TestServer } from '../testing/test-server';

const T0 = Date.parse('2026-11-30T09:00:00.000Z');
const t = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const MIN = 60_000;
const FROM = '2026-11-30T00:00:00.000Z';
const TO = '2026-12-01T00:00:00.000Z';
const period = `from=${FROM}&to=${TO}`;

for (const target of testDatabases()) {
  describe(`reports [${target.name}]`, () => {
    let server: TestServer;
    let clock = new Date(T0);
    let admin: ReturnType<typeof client>;
    let lead: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;
    let agentId: string;
    let workspaceId: string;
    const ids: Record<'c1' | 'c2' | 'c3', string> = { c1: '', c2: '', c3: '' };
    let mutationId = 0;
    const clientId = randomUUID();

    const at = (minutes: number) => {
      clock = new Date(T0 + minutes * 60_000);
    };
    const push = async (name: string, args: unknown) => {
      const r = await admin.post('/v1/push', {
        clientId,
        mutations: [mutation(++mutationId, name, args)],
      });
      expect(r.body.results[0]).toEqual({ id: mutationId, status: 'ok' });
    };
    const arrive = async (minutes: number, patch: Partial<ConversationMeta> = {}) => {
      const m: ConversationMeta = {
        ...meta(),
        firstMessageAt: t(minutes),
        lastMessageAt: t(minutes),
        lastMessageFrom: 'maria@customer.test',
        ...patch,
      };
      at(minutes + 1);
      await push('conversation.upsert', { meta: m });
      return { id: await conversationIdFor(m.key), m };
    };

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => clock });
      const ada = await server.signIn('ada@acme.test', 'admin');
      workspaceId = ada.workspace.id;
      admin = client(server, ada);
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      const ana = await server.signIn('ana@acme.test', 'agent');
      agentId = ana.member.id;
      agent = client(server, ana);
      await admin.patch('/v1/workspace/settings', { mailboxes: ['support@acme.test'] });
      await admin.post(
        '/v1/sla/policies',
        policyInput({
          targets: { firstResponse: 20, nextResponse: 60, resolution: 240 },
          pauseWhen: ['pending'],
        }),
      );

      // c1: assigned, answered late (SLA breached), a second message answered, closed.
      const c1 = await arrive(0);
      ids.c1 = c1.id;
      at(10);
      await push('conversation.assign', {
        conversationId: c1.id,
        assigneeId: agentId,
        expectedAssigneeId: null,
      });
      await push('conversation.addTag', { conversationId: c1.id, tag: 'billing' });
      at(31);
      await push('conversation.reply', { conversationId: c1.id, at: t(30) });
      at(61);
      await push('conversation.upsert', { meta: { ...c1.m, lastMessageAt: t(60) } });
      at(101);
      await push('conversation.reply', { conversationId: c1.id, at: t(100) });
      at(120);
      await push('conversation.setStatus', {
        conversationId: c1.id,
        status: 'closed',
        snoozedUntil: null,
      });

      // c2: answered and closed, escalated, re-opened, answered and closed again.
      const c2 = await arrive(5);
      ids.c2 = c2.id;
      at(16);
      await push('conversation.reply', { conversationId: c2.id, at: t(15) });
      at(18);
      await push('conversation.setPriority', { conversationId: c2.id, priority: 'high' });
      at(20);
      await push('conversation.setStatus', {
        conversationId: c2.id,
        status: 'closed',
        snoozedUntil: null,
      });
      at(200);
      await push('conversation.setStatus', {
        conversationId: c2.id,
        status: 'open',
        snoozedUntil: null,
      });
      at(211);
      await push('conversation.reply', { conversationId: c2.id, at: t(210) });
      at(240);
      await push('conversation.setStatus', {
        conversationId: c2.id,
        status: 'closed',
        snoozedUntil: null,
      });

      // c3: still open, pending for a while, a copilot draft used.
      const c3 = await arrive(300);
      ids.c3 = c3.id;
      at(310);
      await push('conversation.setStatus', {
        conversationId: c3.id,
        status: 'pending',
        snoozedUntil: null,
      });
      await push('copilot.record', {
        conversationId: c3.id,
        task: 'draft',
        provider: 'offline',
        model: null,
        sources: [],
        outcome: 'edited',
      });
      at(600);
    });
    afterAll(() => server?.close());

    /** The figures lib/metrics gives from the events the API itself serves. */
    const pureFigures = async (clockName: 'calendar' = 'calendar') => {
      const { changes } = (await admin.get('/v1/bootstrap?limit=2000')).body;
      const conversations: Conversation[] = changes
        .filter((c: { entity: string }) => c.entity === 'conversation')
        .map((c: { record: Conversation }) => c.record);
      const policies = (await admin.get('/v1/sla/policies')).body as SlaPolicyRecord[];
      const facts = await Promise.all(
        conversations.map(async (c) => {
          const events = (await admin.get(`/v1/conversations/${c.id}/events`)).body as Event[];
          const policy = matchPolicy(policies, {
            priority: c.priority,
            tags: c.tags,
            mailboxes: c.refs.map((r) => r.mailbox),
            customerDomain: 'customer.test',
            segments: [],
          });
          return conversationFacts({
            conversation: c,
            events,
            sla: policy && { policy, calendar: null },
            businessCalendar: null,
            now: clock,
          });
        }),
      );
      expect(clockName).toBe('calendar');
      return reportFigures(
        facts,
        { from: Date.parse(FROM), to: Date.parse(TO) },
        clock.getTime(),
        'UTC',
      );
    };

    it('answers leads and admins; agents are refused', async () => {
      for (const path of [
        `/v1/reports/summary?${period}`,
        `/v1/reports/conversations?metric=resolution&${period}`,
        `/v1/reports/conversations/${ids.c1}`,
      ]) {
        expect((await lead.get(path)).status, path).toBe(200);
        expect((await admin.get(path)).status, path).toBe(200);
        const refused = await agent.get(path);
        expect(refused.status, path).toBe(403);
        expect(refused.body.error.code).toBe('forbidden');
      }
    });

    it('refuses a bad query with a message that says what is wrong', async () => {
      const cases: [string, RegExp][] = [
        ['/v1/reports/summary', /from: .*to: /],
        [`/v1/reports/summary?from=${TO}&to=${FROM}`, /`from` must be before `to`/],
        [`/v1/reports/summary?from=yesterday&to=${TO}`, /from: /],
        [
          `/v1/reports/summary?from=2025-01-01T00:00:00Z&to=${TO}`,
          /a report covers at most 366 days/,
        ],
        [`/v1/reports/summary?${period}&clock=wall`, /clock: /],
        [`/v1/reports/summary?${period}&priority=meh`, /priority: /],
        [`/v1/reports/summary?${period}&timeZone=Mars/Base`, /timeZone: unknown time zone/],
        [`/v1/reports/summary?${period}&colour=red`, /colour/],
        [`/v1/reports/summary?${period}&teamId=${randomUUID()}`, /teamId: no such team/],
        [
          `/v1/reports/summary?${period}&clock=business`,
          /clock: business time needs a business calendar/,
        ],
        [`/v1/reports/conversations?${period}`, /metric: /],
        [`/v1/reports/conversations?${period}&metric=backlog`, /metric: /],
        [`/v1/reports/conversations?${period}&metric=resolution&limit=0`, /limit: /],
      ];
      for (const [path, message] of cases) {
        const r = await lead.get(path);
        expect({ path, status: r.status, code: r.body.error?.code }).toEqual({
          path,
          status: 400,
          code: 'invalid_query',
        });
        expect(r.body.error.message, path).toMatch(message);
      }
      expect((await lead.get('/v1/reports/conversations/nope')).status).toBe(404);
    });

    it('the summary equals lib/metrics over the same events, with definitions', async () => {
      const r = await lead.get(`/v1/reports/summary?${period}`);
      expect(r.status).toBe(200);
      const summary = ReportSummary.parse(r.body);
      expect(summary).toMatchObject({
        from: FROM,
        to: TO,
        asOf: t(600),
        clock: 'calendar',
        timeZone: 'UTC',
      });
      expect(summary.figures).toEqual(await pureFigures());
      expect(summary.definitions.map((d) => d.id)).toContain('resolution');
      expect(summary.notYet).toEqual([]);

      // Hand-checked: c1 30 min, c2 10 min, c3 unanswered.
      const f = summary.figures;
      expect(f.conversations).toBe(3);
      expect(f.firstResponse).toMatchObject({ count: 2, medianMs: 20 * MIN, p90Ms: 30 * MIN });
      expect(f.firstResponseFromAssignment).toMatchObject({
        count: 1,
        medianMs: 20 * MIN,
        repliedBeforeAssignment: 1,
      });
      // c1 waited 40 min (60 → 100); c2 20 min after its re-open (200 → 210 is 10 min).
      expect(f.nextResponse).toMatchObject({ count: 2, medianMs: 25 * MIN });
      // c1: 120 min; c2: 15 + 40 = 55 min (closed 20 → 200 does not count).
      expect(f.resolution).toMatchObject({ count: 2, medianMs: Math.round(87.5 * MIN) });
      expect(f.firstContactResolution).toEqual({ count: 0, of: 2, rate: 0 });
      expect(f.reopenRate).toEqual({ count: 1, of: 2, rate: 0.5 });
      expect(f.escalationRate).toEqual({ count: 1, of: 3, rate: 1 / 3 });
      expect(f.copilotAcceptance).toMatchObject({ count: 1, of: 1, edited: 1 });
      // First response: c1 breached (30 > 20), c2 met, c3 paused at 10 min (pending pauses).
      expect(f.slaFirstResponse).toEqual({ count: 1, of: 2, rate: 0.5, pending: 1 });
      expect(f.slaResolution).toMatchObject({ count: 2, of: 2, pending: 1 });
      expect(f.volume).toEqual([{ date: '2026-11-30', arrived: 3, closed: 3 }]);
      expect(f.backlog).toEqual([{ date: '2026-11-30', open: 1 }]);
      expect(f.workload).toEqual([{ agentId, open: 0, assigned: 1, assignedToday: 1, closed: 1 }]);
    });

    it('lists the conversations behind a figure, paged', async () => {
      const r = await lead.get(`/v1/reports/conversations?metric=firstResponse&${period}`);
      const list = ReportConversations.parse(r.body);
      expect(list.total).toBe(2);
      expect(list.definition.id).toBe('firstResponse');
      expect(list.samples.map((s) => [s.conversationId, s.value])).toEqual([
        [ids.c2, 10 * MIN],
        [ids.c1, 30 * MIN],
      ]);
      const page = await lead.get(
        `/v1/reports/conversations?metric=firstResponse&${period}&limit=1&offset=1`,
      );
      expect(page.body.samples.map((s: { conversationId: string }) => s.conversationId)).toEqual([
        ids.c1,
      ]);
      const sla = await lead.get(`/v1/reports/conversations?metric=slaFirstResponse&${period}`);
      expect(sla.body.samples.map((s: { value: string }) => s.value).sort()).toEqual([
        'breached',
        'met',
        'paused',
      ]);
    });

    it('explains one conversation down to its events; its SLA is the countdowns’', async () => {
      const r = await lead.get(`/v1/reports/conversations/${ids.c1}`);
      const { facts } = ConversationReport.parse(r.body);
      const events = (await lead.get(`/v1/conversations/${ids.c1}/events`)).body as Event[];
      const byId = new Map(events.map((e) => [e.id, e.type]));
      expect(facts.firstResponse).toMatchObject({
        fromArrivalMs: 30 * MIN,
        fromAssignmentMs: 20 * MIN,
      });
      expect(facts.firstResponse?.eventIds.map((id) => byId.get(id))).toEqual([
        'conversation.created',
        'conversation.assigned',
        'conversation.replied',
      ]);
      expect(facts.resolution?.eventIds.map((id) => byId.get(id))).toEqual([
        'conversation.created',
        'conversation.status',
      ]);
      // The stored snapshot was evaluated at the close: every target settled since.
      const { changes } = (await admin.get('/v1/bootstrap?limit=2000')).body;
      const stored: Conversation = changes.find((c: { id: string }) => c.id === ids.c1).record;
      const settled = (s: { state: string; completedAt: string | null; dueAt: string | null }) => [
        s.state,
        s.completedAt,
        s.dueAt,
      ];
      expect(facts.sla?.targets.map(settled)).toEqual(
        [
          stored.sla?.firstResponse,
          ...(stored.sla?.nextResponses ?? []),
          stored.sla?.resolution,
        ].map((s) => settled(s!)),
      );
      for (const target of facts.sla?.targets ?? [])
        for (const id of target.eventIds) expect(byId.has(id)).toBe(true);
    });

    it('filters by tag, agent, team, priority and mailbox', async () => {
      const count = async (query: string) =>
        (await lead.get(`/v1/reports/summary?${period}&${query}`)).body.figures.conversations;
      expect(await count('tag=billing')).toBe(1);
      expect(await count(`agentId=${agentId}`)).toBe(1);
      expect(await count('priority=high')).toBe(1);
      expect(await count('mailbox=support@acme.test')).toBe(3);
      expect(await count('mailbox=other@acme.test')).toBe(0);
      const team = (await admin.post('/v1/teams', { name: 'Billing', memberIds: [agentId] })).body;
      expect(await count(`teamId=${team.id}`)).toBe(1);
      const empty = (await admin.post('/v1/teams', { name: 'Empty' })).body;
      expect(await count(`teamId=${empty.id}`)).toBe(0);
    });

    it('keeps rollups: recomputes only what changed, and everything after an SLA change', async () => {
      const db = server.database.db;
      await lead.get(`/v1/reports/summary?${period}`);
      expect(await refreshRollups(db, workspaceId, clock)).toBe(0);
      await push('conversation.addTag', { conversationId: ids.c3, tag: 'vip' });
      expect(await refreshRollups(db, workspaceId, clock)).toBe(1);
      const figures = (await lead.get(`/v1/reports/summary?${period}`)).body.figures;
      expect(figures).toEqual(await pureFigures());
      const [policy] = (await admin.get('/v1/sla/policies')).body as SlaPolicyRecord[];
      const renamed = await admin.patch(`/v1/sla/policies/${policy!.id}`, {
        expectedVersion: policy!.version,
        name: 'Renamed',
      });
      expect(renamed.status).toBe(200);
      expect(await refreshRollups(db, workspaceId, clock)).toBe(3);
      await push('conversation.removeTag', { conversationId: ids.c3, tag: 'vip' });
    });

    it('business time: the calendar’s hours and zone', async () => {
      await admin.post('/v1/sla/calendars', calendarInput());
      const r = await lead.get(`/v1/reports/summary?${period}&clock=business`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ clock: 'business', timeZone: 'Europe/Berlin' });
      // 09:00 UTC is 10:00 in Berlin, inside office hours: c1 waited 30 business minutes.
      expect(r.body.figures.firstResponse).toMatchObject({ count: 2, p90Ms: 30 * MIN });
      const facts = (await lead.get(`/v1/reports/conversations/${ids.c2}?clock=business`)).body
        .facts;
      expect(facts).toMatchObject({ clock: 'business' });
      // c2 was open 09:05–09:20 and 12:20–13:00 UTC, that is 10:05–10:20 and 13:20–14:00 in
      // Berlin, all office hours: 15 + 40 min.
      expect(facts.resolution.ms).toBe(55 * MIN);
    });
  });
}
