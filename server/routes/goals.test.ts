import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoalWithProgress } from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { historyWriter } from '../testing/history';
import { calendarInput } from '../testing/sla';
import { startTestServer, type TestServer } from '../testing/test-server';

const NOW = '2026-11-30T15:00:00.000Z';
const HOUR = 3600_000;
const frtGoal = {
  name: 'FRT p90 under 2 h this month',
  metric: 'firstResponseP90',
  target: 2 * HOUR,
  timeframe: { kind: 'month' },
};

for (const target of testDatabases()) {
  describe(`goals [${target.name}]`, () => {
    let server: TestServer;
    let clock = new Date(NOW);
    let admin: ReturnType<typeof client>;
    let lead: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => clock });
      const ada = await server.signIn('ada@acme.test', 'admin');
      admin = client(server, ada);
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      agent = client(server, await server.signIn('ana@acme.test', 'agent'));
      await admin.patch('/v1/workspace/settings', {
        mailboxes: ['support@acme.test', 'sales@acme.test'],
      });
      // Reports, and so goals, cut days in the business calendar's zone.
      await admin.post('/v1/sla/calendars', calendarInput());
      const history = historyWriter(server, ada, (at) => {
        clock = at;
      });
      // November (Berlin): answered in 1 h, 3 h (sales) and 30 min; one closed, one escalated.
      const a = await history.arrive('2026-11-10T08:00:00.000Z');
      await history.reply(a, '2026-11-10T09:00:00.000Z');
      await history.close(a, '2026-11-10T09:30:00.000Z');
      const b = await history.arrive('2026-11-12T08:00:00.000Z', 'sales@acme.test');
      await history.reply(b, '2026-11-12T11:00:00.000Z');
      await history.escalate(b, '2026-11-12T11:05:00.000Z');
      const c = await history.arrive('2026-11-30T10:00:00.000Z');
      await history.reply(c, '2026-11-30T10:30:00.000Z');
      // October 31st 23:30 UTC is November 1st in Berlin: counted in November.
      const d = await history.arrive('2026-10-31T23:30:00.000Z');
      await history.reply(d, '2026-11-01T00:30:00.000Z');
      clock = new Date(NOW);
    });
    afterAll(() => server?.close());

    it('a lead sets a goal, everyone reads its progress, only leads and admins change it', async () => {
      const made = await lead.post('/v1/goals', frtGoal);
      expect(made.status).toBe(201);
      const goal = GoalWithProgress.parse(made.body);
      expect(goal).toMatchObject({ comparison: 'atMost', filters: {}, target: 2 * HOUR });

      const read = await agent.get('/v1/goals');
      expect(read.status).toBe(200);
      expect(read.body.map((g: { id: string }) => g.id)).toContain(goal.id);
      expect((await agent.get(`/v1/goals/${goal.id}`)).body.name).toBe(frtGoal.name);

      expect((await agent.post('/v1/goals', frtGoal)).status).toBe(403);
      expect((await agent.put(`/v1/goals/${goal.id}`, frtGoal)).status).toBe(403);
      expect((await agent.delete(`/v1/goals/${goal.id}`)).status).toBe(403);

      const renamed = await admin.put(`/v1/goals/${goal.id}`, { ...frtGoal, name: 'FRT p90' });
      expect(renamed).toMatchObject({ status: 200, body: { id: goal.id, name: 'FRT p90' } });
      expect((await lead.delete(`/v1/goals/${goal.id}`)).status).toBe(204);
      expect((await lead.get(`/v1/goals/${goal.id}`)).status).toBe(404);
      expect((await lead.delete(`/v1/goals/${goal.id}`)).status).toBe(404);
    });

    it('keeps goals within their workspace', async () => {
      const mine = (await lead.post('/v1/goals', frtGoal)).body;
      const other = client(server, await server.signIn('oz@b.test', 'admin', { workspace: 'B' }));
      expect((await other.get('/v1/goals')).body).toEqual([]);
      expect((await other.get(`/v1/goals/${mine.id}`)).status).toBe(404);
      expect((await other.put(`/v1/goals/${mine.id}`, frtGoal)).status).toBe(404);
      expect((await other.delete(`/v1/goals/${mine.id}`)).status).toBe(404);
      expect((await lead.get(`/v1/goals/${mine.id}`)).status).toBe(200);
      await lead.delete(`/v1/goals/${mine.id}`);
    });

    it('refuses a goal whose target does not fit its metric, with a clear message', async () => {
      const refused = async (body: unknown) => {
        const r = await lead.post('/v1/goals', body);
        expect(r.status).toBe(400);
        return r.body.error.message as string;
      };
      const rate = { name: 'FCR', metric: 'firstContactResolution', timeframe: { kind: 'week' } };
      expect(await refused({ ...rate, target: 85 })).toBe(
        'Invalid request body: target: a rate is between 0 and 1',
      );
      expect(await refused({ ...frtGoal, target: 1.5 })).toContain(
        'target: a duration is whole milliseconds',
      );
      expect(await refused({ ...frtGoal, metric: 'csatScore' })).toContain('metric:');
      expect(
        await refused({
          ...frtGoal,
          timeframe: { kind: 'custom', from: '2026-09-30', to: '2026-07-01' },
        }),
      ).toContain('timeframe.to: `from` must not be after `to`');
      expect(await refused({ ...frtGoal, filters: { teamId: randomUUID() } })).toBe(
        'Invalid request body: filters.teamId: no such team',
      );
      expect(await refused({ ...frtGoal, filters: { assignee: 'x' } })).toContain('filters');
    });

    it('derives the comparison from the metric unless told', async () => {
      const made = async (metric: string, extra: object = {}) =>
        (await lead.post('/v1/goals', { ...frtGoal, metric, target: 0.5, ...extra })).body;
      expect((await made('firstContactResolution')).comparison).toBe('atLeast');
      expect((await made('reopenRate')).comparison).toBe('atMost');
      expect((await made('escalationRate', { comparison: 'atLeast' })).comparison).toBe('atLeast');
      for (const g of (await lead.get('/v1/goals')).body) await lead.delete(`/v1/goals/${g.id}`);
    });

    it('shows progress as the summary figure over the timeframe so far, in the report time zone', async () => {
      const frt = (await lead.post('/v1/goals', frtGoal)).body as GoalWithProgress;
      // The month in Berlin: November 1st 00:00 CET to December 1st.
      expect(frt.progress).toMatchObject({
        from: '2026-10-31T23:00:00.000Z',
        to: '2026-11-30T23:00:00.000Z',
        asOf: NOW,
        timeZone: 'Europe/Berlin',
        problem: null,
      });
      const summary = (await lead.get(`/v1/reports/summary?from=${frt.progress.from}&to=${NOW}`))
        .body;
      expect(frt.progress.value).toBe(summary.figures.firstResponse.p90Ms);
      expect(frt.progress.samples).toBe(summary.figures.firstResponse.count);
      expect(frt.progress).toMatchObject({ value: 3 * HOUR, samples: 4, onTrack: false });

      const support = (
        await lead.post('/v1/goals', { ...frtGoal, filters: { mailbox: 'Support@acme.test' } })
      ).body as GoalWithProgress;
      const supportSummary = (
        await lead.get(
          `/v1/reports/summary?from=${frt.progress.from}&to=${NOW}&mailbox=support@acme.test`,
        )
      ).body;
      expect(support.progress.value).toBe(supportSummary.figures.firstResponse.p90Ms);
      expect(support.progress).toMatchObject({ value: HOUR, samples: 3, onTrack: true });

      const escalation = (
        await lead.post('/v1/goals', {
          name: 'Escalations',
          metric: 'escalationRate',
          target: 0.2,
          timeframe: { kind: 'custom', from: '2026-11-01', to: '2026-11-15' },
        })
      ).body as GoalWithProgress;
      expect(escalation.progress).toMatchObject({
        from: '2026-10-31T23:00:00.000Z',
        to: '2026-11-15T23:00:00.000Z',
        value: 1 / 3,
        samples: 3,
        onTrack: false,
      });

      const week = (await lead.post('/v1/goals', { ...frtGoal, timeframe: { kind: 'week' } }))
        .body as GoalWithProgress;
      expect(week.progress).toMatchObject({
        from: '2026-11-29T23:00:00.000Z',
        to: '2026-12-06T23:00:00.000Z',
        value: 30 * 60_000,
        samples: 1,
        onTrack: true,
      });
      const listed = (await agent.get('/v1/goals')).body as GoalWithProgress[];
      const byId = new Map(listed.map((g) => [g.id, g.progress]));
      for (const g of [frt, support, escalation, week]) expect(byId.get(g.id)).toEqual(g.progress);
    });

    it('reports no value for a timeframe not begun, and a problem for a team deleted since', async () => {
      const future = (
        await lead.post('/v1/goals', {
          ...frtGoal,
          timeframe: { kind: 'custom', from: '2027-01-01', to: '2027-03-31' },
        })
      ).body as GoalWithProgress;
      expect(future.progress).toMatchObject({ value: null, samples: 0, onTrack: false });

      const team = (await lead.post('/v1/teams', { name: 'Night shift' })).body;
      const goal = (await lead.post('/v1/goals', { ...frtGoal, filters: { teamId: team.id } }))
        .body as GoalWithProgress;
      expect(goal.progress).toMatchObject({ value: null, samples: 0, problem: null });
      await lead.delete(`/v1/teams/${team.id}`);
      const after = (await lead.get(`/v1/goals/${goal.id}`)).body as GoalWithProgress;
      expect(after.progress.problem).toContain('teamId: no such team');
    });
  });
}
