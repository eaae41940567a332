import { and, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { DEFINITIONS } from '../../lib/metrics';
import {
  type ConversationReport,
  FactQuery,
  ReportConversationsQuery,
  ReportFilters,
} from '../../lib/schema';
import { conversations } from '../db/schema';
import { toConversation } from '../domain/records';
import type { AppEnv, Deps } from '../http/context';
import { notFound } from '../http/errors';
import { params, query } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';
import { factsFor, reportContext } from '../reports/context';
import { metricEvents } from '../reports/scan';
import { reportConversations, reportSummary } from '../reports/summary';

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
    .get('/summary', query(ReportFilters), async (c) =>
      c.json(await reportSummary(db, c.var.member.workspaceId, c.req.valid('query'), deps.now())),
    )
    .get('/conversations', query(ReportConversationsQuery), async (c) =>
      c.json(
        await reportConversations(db, c.var.member.workspaceId, c.req.valid('query'), deps.now()),
      ),
    )
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
