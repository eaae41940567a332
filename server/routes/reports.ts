import { and, eq, inArray, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { csvOf } from '../../lib/csv';
import { DEFINITIONS } from '../../lib/metrics';
import { type Moment, momentsOf } from '../../lib/metrics/timeline';
import { type ReportTableData, reportTable, samplesTable } from '../../lib/reports/tables';
import {
  type ConversationTimeline,
  FactQuery,
  ReportConversationsCsvQuery,
  type ReportConversationsPage,
  ReportConversationsQuery,
  ReportFilters,
  ReportTableQuery,
  type TimelineEvent,
} from '../../lib/schema';
import type { Db } from '../db/open';
import { conversations, events, members } from '../db/schema';
import { toConversation } from '../domain/records';
import type { AppEnv, Deps } from '../http/context';
import { notFound } from '../http/errors';
import { params, query } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';
import { factsFor, reportContext } from '../reports/context';
import { metricEvents } from '../reports/scan';
import { reportConversations, reportSummary } from '../reports/summary';

async function subjectsOf(db: Db, workspaceId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: conversations.id, subject: conversations.subject })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), inArray(conversations.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.subject]));
}

/** Who recorded each event of a conversation (metric events carry no actor). */
async function actorsOf(db: Db, workspaceId: string, conversationId: string) {
  const rows = await db
    .select({ id: events.id, actorId: events.actorId })
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.conversationId, conversationId)));
  return new Map(rows.map((r) => [r.id, r.actorId]));
}

async function memberNames(db: Db, workspaceId: string) {
  const rows = await db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(eq(members.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** What an event changed, in a word, as lib/metrics read it. */
function detailOf(moment: Moment): string | null {
  switch (moment.kind) {
    case 'status':
      return moment.status;
    case 'assigned':
      return moment.assigneeId;
    case 'priority':
      return `${moment.from} → ${moment.to}`;
    case 'copilotDraft':
      return moment.outcome;
    case 'slaAlert':
      return moment.clock ? `${moment.target} ${moment.clock}` : moment.target;
    default:
      return null;
  }
}

const csvFile = (table: ReportTableData, filename: string) =>
  new Response(
    csvOf(
      table.columns.map((c) => c.key),
      table.rows,
    ),
    {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
      },
    },
  );

const day = (instant: string) => instant.slice(0, 10);

/**
 * Reports (docs/analytics.md): figures computed from the activity log by lib/metrics, the
 * conversations behind each figure, and one conversation's facts down to its events; each
 * table also as CSV (`.csv`). Leads and admins only. Conversations are read BATCH at a
 * time (server/reports/scan.ts).
 */
export function reportRoutes(deps: Deps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .use(requireRole('lead', 'admin'))
    .get('/summary', query(ReportFilters), async (c) =>
      c.json(await reportSummary(db, c.var.member.workspaceId, c.req.valid('query'), deps.now())),
    )
    .get('/summary.csv', query(ReportTableQuery), async (c) => {
      const { table, ...filters } = c.req.valid('query');
      const workspaceId = c.var.member.workspaceId;
      const summary = await reportSummary(db, workspaceId, filters, deps.now());
      const names = table === 'workload' ? await memberNames(db, workspaceId) : new Map();
      return csvFile(
        reportTable(summary, table, names),
        `sidedesk-${table}-${day(summary.from)}-${day(summary.to)}.csv`,
      );
    })
    .get('/conversations', query(ReportConversationsQuery), async (c) => {
      const workspaceId = c.var.member.workspaceId;
      const answer = await reportConversations(db, workspaceId, c.req.valid('query'), deps.now());
      const subjects = await subjectsOf(
        db,
        workspaceId,
        answer.samples.map((s) => s.conversationId),
      );
      const page: ReportConversationsPage = {
        ...answer,
        samples: answer.samples.map((s) => ({
          ...s,
          subject: subjects.get(s.conversationId) ?? '',
        })),
      };
      return c.json(page);
    })
    .get('/conversations.csv', query(ReportConversationsCsvQuery), async (c) => {
      const q = c.req.valid('query');
      const workspaceId = c.var.member.workspaceId;
      const { samples } = await reportConversations(
        db,
        workspaceId,
        { ...q, limit: Number.MAX_SAFE_INTEGER, offset: 0 },
        deps.now(),
      );
      const subjects = await subjectsOf(db, workspaceId, [
        ...new Set(samples.map((s) => s.conversationId)),
      ]);
      return csvFile(
        samplesTable(samples.map((s) => ({ ...s, subject: subjects.get(s.conversationId) ?? '' }))),
        `sidedesk-${q.metric}-${day(q.from)}-${day(q.to)}.csv`,
      );
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
        const logged = (await metricEvents(db, workspaceId, [id])).get(id) ?? [];
        const actors = await actorsOf(db, workspaceId, id);
        const facts = factsFor(ctx, toConversation(row), logged, deps.now());
        const arrivalIds = new Set(facts.arrival.eventIds);
        const timeline: TimelineEvent[] = logged.map((e) => {
          const [moment] = momentsOf(e);
          // The arrival is the first message's time, not when the extension recorded it.
          const at = arrivalIds.has(e.id)
            ? facts.arrival.at
            : moment
              ? new Date(moment.at).toISOString()
              : e.at;
          return {
            id: e.id,
            type: e.type,
            at,
            actorId: actors.get(e.id) ?? null,
            detail: moment ? detailOf(moment) : null,
          };
        });
        const answer: ConversationTimeline = {
          facts,
          definitions: [...DEFINITIONS],
          subject: row.subject,
          // Stable: events at one instant keep the order of the log, as lib/metrics orders them.
          events: timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
        };
        return c.json(answer);
      },
    );
}
