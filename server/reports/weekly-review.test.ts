import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeeklyReview } from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { historyWriter } from '../testing/history';
import { startTestServer, type TestServer } from '../testing/test-server';
import { weeklyReview } from './weekly-review';

const NOW = new Date('2026-11-30T09:00:00.000Z');
const HOUR = 3600_000;
const at = (day: number, time: string) => `2026-11-${day}T${time}:00.000Z`;

for (const target of testDatabases()) {
  describe(`the weekly review [${target.name}]`, () => {
    let server: TestServer;
    let clock = NOW;
    let workspaceId: string;
    let lead: ReturnType<typeof client>;

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => clock });
      const ada = await server.signIn('ada@acme.test', 'admin');
      workspaceId = ada.workspace.id;
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      await client(server, ada).patch('/v1/workspace/settings', {
        mailboxes: ['support@acme.test', 'sales@acme.test'],
      });
      const h = historyWriter(server, ada, (d) => {
        clock = d;
      });
      // The week before (Nov 16-23): answered in 2 h and 4 h, one closed, one escalated.
      const p1 = await h.arrive(at(17, '10:00'));
      await h.reply(p1, at(17, '12:00'));
      await h.close(p1, at(17, '13:00'));
      const p2 = await h.arrive(at(18, '10:00'));
      await h.tag(p2, at(18, '10:01'), 'billing');
      await h.reply(p2, at(18, '14:00'));
      await h.escalate(p2, at(18, '14:05'));
      // The week reviewed (Nov 23-30).
      const c1 = await h.arrive(at(24, '09:00'));
      await h.tag(c1, at(24, '09:01'), 'billing');
      await h.reply(c1, at(24, '09:30'));
      await h.draft(c1, at(24, '09:29'), 'discarded');
      await h.close(c1, at(24, '10:00'));
      const c2 = await h.arrive(at(24, '10:00'), 'sales@acme.test');
      await h.tag(c2, at(24, '10:01'), 'billing');
      await h.tag(c2, at(24, '10:02'), 'bug');
      await h.reply(c2, at(24, '11:00'));
      await h.reply(c2, at(24, '12:00'));
      await h.close(c2, at(24, '12:30'));
      const c3 = await h.arrive(at(25, '10:00'), 'sales@acme.test');
      await h.tag(c3, at(25, '10:01'), 'bug');
      await h.draft(c3, at(25, '12:59'), 'accepted');
      await h.reply(c3, at(25, '13:00'));
      await h.escalate(c3, at(25, '13:05'));
      await h.close(c3, at(25, '14:15'));
      const c4 = await h.arrive(at(26, '10:00'));
      await h.tag(c4, at(26, '10:01'), 'billing');
      // Next week's arrival is left out.
      await h.arrive(at(30, '08:00'));
      clock = NOW;
    });
    afterAll(() => server?.close());

    it('breaks the week down by mailbox and tag, with escalations, copilot and SLA', async () => {
      const review = WeeklyReview.parse(
        await weeklyReview(server.database.db, workspaceId, '2026-11-25', 'UTC', NOW),
      );
      expect(review).toMatchObject({
        week: '2026-11-23',
        from: '2026-11-23T00:00:00.000Z',
        to: '2026-11-30T00:00:00.000Z',
        timeZone: 'UTC',
        conversations: { current: 4, previous: 2 },
        escalationRate: { count: 1, of: 4, rate: 0.25 },
        copilotAcceptance: { count: 1, of: 2, accepted: 1, discarded: 1 },
        sla: {
          firstResponse: { of: 0, rate: null },
          nextResponse: { of: 0, rate: null },
          resolution: { of: 0, rate: null },
        },
      });
      expect(review.mailboxes).toEqual([
        {
          mailbox: 'support@acme.test',
          conversations: 2,
          firstResponse: { count: 1, medianMs: HOUR / 2, p90Ms: HOUR / 2, averageMs: HOUR / 2 },
        },
        {
          mailbox: 'sales@acme.test',
          conversations: 2,
          firstResponse: { count: 2, medianMs: 2 * HOUR, p90Ms: 3 * HOUR, averageMs: 2 * HOUR },
        },
      ]);
      expect(review.tags).toEqual([
        {
          tag: 'billing',
          conversations: 3,
          firstContactResolution: { count: 1, of: 2, rate: 0.5 },
        },
        { tag: 'bug', conversations: 2, firstContactResolution: { count: 1, of: 2, rate: 0.5 } },
      ]);
    });

    it('lists the biggest movers against the week before, largest relative change first', async () => {
      const { movers } = await weeklyReview(
        server.database.db,
        workspaceId,
        '2026-11-23',
        'UTC',
        NOW,
      );
      expect(movers.map((m) => [m.metric, m.previous, m.current, m.improved])).toEqual([
        ['firstResponseMedian', 3 * HOUR, HOUR, true],
        ['escalationRate', 0.5, 0.25, true],
        ['resolutionP90', 3 * HOUR, 4.25 * HOUR, false],
        ['firstContactResolution', 1, 2 / 3, false],
        ['firstResponseP90', 4 * HOUR, 3 * HOUR, true],
      ]);
      expect(movers[0]?.change).toBeCloseTo(-2 / 3);
      const sizes = movers.map((m) => Math.abs(m.change));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    });

    it('is served to leads for the last full week by default, and for any day of a week', async () => {
      const byDefault = await lead.get('/v1/reports/weekly');
      expect(byDefault.status).toBe(200);
      expect(byDefault.body).toEqual(
        await weeklyReview(server.database.db, workspaceId, '2026-11-23', 'UTC', NOW),
      );
      const earlier = (await lead.get('/v1/reports/weekly?week=2026-11-22')).body;
      expect(earlier).toMatchObject({ week: '2026-11-16', conversations: { current: 2 } });
      expect((await lead.get('/v1/reports/weekly?week=next')).status).toBe(400);
    });
  });
}
