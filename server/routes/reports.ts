import { and, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  DEFINITIONS,
  definitionOf,
  NOT_YET,
  reportAccumulator,
  samplesOf,
} from '../../lib/metrics';
import {
  type ConversationReport,
  FactQuery,
  type MetricSample,
  type ReportConversations,
  ReportConversationsQuery,
  ReportFilters,
  type ReportSummary,
} from '../../lib/schema';
import { conversations } from '../db/schema';
import { toConversation } from '../domain/records';
import type { AppEnv, Deps } from '../http/context';
import { notFound } from '../http/errors';
import { params, query } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';
import { factsFor, reportContext } from '../reports/context';
import { factBatches, metricEvents } from '../reports/scan';

/**
 * Reports (docs/analytics.md): figures computed from the activity log by lib/metrics, the
 * conversations behind each figure, and one conversation's facts down to its events.
 * Leads and admins only. Conversations are read BATCH at a time (server/reports/scan.ts).
 */
export function reportRoutes(deps: Deps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .use(requireRole('lead', 'admin'))
    .get('/summary', query(ReportFilters), async (c) => {
      const filters = c.req.valid('query');
      const workspaceId = c.var.member.workspaceId;
      const now = deps.now();
      const ctx = await reportContext(db, workspaceId, filters);
      const range = { from: Date.parse(filters.from), to: Date.parse(filters.to) };
      const figures = reportAccumulator(range, now.getTime(), ctx.timeZone);
      for await (const batch of factBatches(db, workspaceId, filters, ctx, now, 'active'))
        for (const facts of batch) figures.add(facts);
      const answer: ReportSummary = {
        from: new Date(range.from).toISOString(),
        to: new Date(range.to).toISOString(),
        asOf: now.toISOString(),
        clock: filters.clock,
        timeZone: ctx.timeZone,
        figures: figures.figures(),
        definitions: [...DEFINITIONS],
        notYet: [...NOT_YET],
      };
      return c.json(answer);
    })
    .get('/conversations', query(ReportConversationsQuery), async (c) => {
      const q = c.req.valid('query');
      const workspaceId = c.var.member.workspaceId;
      const now = deps.now();
      const ctx = await reportContext(db, workspaceId, q);
      const range = { from: Date.parse(q.from), to: Date.parse(q.to) };
      const samples: MetricSample[] = [];
      for await (const batch of factBatches(db, workspaceId, q, ctx, now, 'cohort'))
        for (const facts of batch) samples.push(...samplesOf(facts, q.metric, range));
      samples.sort(
        (a, b) => a.at.localeCompare(b.at) || a.conversationId.localeCompare(b.conversationId),
      );
      const answer: ReportConversations = {
        metric: q.metric,
        definition: definitionOf(q.metric),
        total: samples.length,
        samples: samples.slice(q.offset, q.offset + q.limit),
      };
      return c.json(answer);
    })
    .get(
      '/conversations/:id',
      params(z.object({ id: z.string().min(1).max(64) }), 'conversation'),
      query(FactQuery),
      async (c) => {
        const { id } = c.req.valid('param');
        const { clock } = c.req.valid('query');
        const workspaceId = c.var.member.workspaceId;
        const [row] = await db
          .select()
          .from(conversations)
          .where(
            and(
              eq(conversations.workspaceId, workspaceId),
              eq(conversations.id, id),
              isNull(conversations.deletedAt),
            ),
          );
        if (!row) throw notFound('conversation');
        const ctx = await reportContext(db, workspaceId, { clock });
        const events = (await metricEvents(db, workspaceId, [id])).get(id) ?? [];
        const answer: ConversationReport = {
          facts: factsFor(ctx, toConversation(row), events, deps.now()),
          definitions: [...DEFINITIONS],
        };
        return c.json(answer);
      },
    );
}
