import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFigures } from '../../lib/metrics';
import { ReportFilters } from '../../lib/schema';
import { conversations } from '../db/schema';
import { toConversation } from '../domain/records';
import { testDatabases } from '../testing/databases';
import { reportWorkspace, writeHistory } from '../testing/report-history';
import { startTestServer, type TestServer } from '../testing/test-server';
import { factsFor, reportContext } from './context';
import { metricEvents } from './scan';
import { reportSummary } from './summary';

const DAY = 86_400_000;
const UNTIL = Date.parse('2026-11-30T12:00:00.000Z');

/**
 * The SQL over rollups against lib/metrics' reference accumulator over the same events:
 * a generated history of 400 conversations, reports of several periods, zones, clocks and
 * filters, and again after the clock moved on (running SLA clocks fall due).
 */
for (const target of testDatabases()) {
  describe(`report SQL equals lib/metrics [${target.name}]`, () => {
    let server: TestServer;
    let now = new Date(UNTIL);
    let workspaceId: string;
    let agentIds: string[];

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => now });
      ({ workspaceId, agentIds } = await reportWorkspace(server, ['ana', 'bo', 'cy']));
      await writeHistory(server.database.db, {
        workspaceId,
        agentIds,
        conversations: 400,
        days: 30,
        until: new Date(UNTIL),
      });
    });
    afterAll(() => server?.close());

    /** lib/metrics' figures over every conversation that arrived before `to`. */
    async function reference(filters: ReportFilters) {
      const db = server.database.db;
      const ctx = await reportContext(db, workspaceId, filters);
      const rows = await db
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.workspaceId, workspaceId),
            isNull(conversations.deletedAt),
            sql`coalesce(${conversations.firstMessageAt}, ${conversations.createdAt}) < ${filters.to}::timestamptz`,
            ...(filters.tag
              ? [sql`${conversations.tags} @> ${JSON.stringify([filters.tag])}::jsonb`]
              : []),
            ...(filters.agentId ? [eq(conversations.assigneeId, filters.agentId)] : []),
          ),
        );
      const events = await metricEvents(
        db,
        workspaceId,
        rows.map((r) => r.id),
      );
      const facts = rows.map((r) => factsFor(ctx, toConversation(r), events.get(r.id) ?? [], now));
      return reportFigures(
        facts,
        { from: Date.parse(filters.from), to: Date.parse(filters.to) },
        now.getTime(),
        ctx.timeZone,
      );
    }

    const period = (days: number, extra: Record<string, string> = {}) =>
      ReportFilters.parse({
        from: new Date(now.getTime() - days * DAY).toISOString(),
        to: now.toISOString(),
        ...extra,
      });

    it('a week, a month and a period ending before now, in UTC and in Berlin', async () => {
      const queries = [
        period(7),
        period(30, { timeZone: 'Europe/Berlin' }),
        ReportFilters.parse({
          from: new Date(UNTIL - 20 * DAY).toISOString(),
          to: new Date(UNTIL - 10 * DAY).toISOString(),
          timeZone: 'America/New_York',
        }),
      ];
      for (const q of queries) {
        const summary = await reportSummary(server.database.db, workspaceId, q, now);
        expect(summary.figures.conversations).toBeGreaterThan(0);
        expect(summary.figures).toEqual(await reference(q));
      }
    });

    it('business time, and the tag and agent filters', async () => {
      for (const q of [
        period(30, { clock: 'business' }),
        period(30, { tag: 'billing' }),
        period(30, { agentId: agentIds[1]! }),
      ]) {
        const summary = await reportSummary(server.database.db, workspaceId, q, now);
        expect(summary.figures).toEqual(await reference(q));
      }
    });

    it('stays equal as the clock moves on and running SLA clocks fall due', async () => {
      const before = await reportSummary(server.database.db, workspaceId, period(30), now);
      now = new Date(UNTIL + 2 * DAY);
      const q = period(32);
      const after = await reportSummary(server.database.db, workspaceId, q, now);
      expect(after.figures).toEqual(await reference(q));
      expect(after.figures.slaResolution.pending).toBeLessThan(
        before.figures.slaResolution.pending,
      );
      now = new Date(UNTIL);
    });
  });
}
