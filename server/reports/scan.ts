import { and, asc, eq, gt, gte, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { METRIC_EVENT_TYPES, type MetricEvent } from '../../lib/metrics/timeline';
import type { ConversationFacts, ReportFilters } from '../../lib/schema';
import type { Db } from '../db/open';
import { conversations, events } from '../db/schema';
import { toConversation } from '../domain/records';
import { factsFor, type ReportContext } from './context';

/** Conversations read per query, and the events of that many per query. */
export const BATCH = 500;

/**
 * `cohort`: the conversations that arrived in the period (what per-conversation figures
 * count). `active`: every conversation open at some time in it, for backlog and workload
 * too: arrived before its end and not closed before its start. The SQL test is a superset
 * (a closed one updated in the period is read, its facts then say it was closed).
 */
export type Scope = 'cohort' | 'active';

type Filters = Pick<ReportFilters, 'from' | 'to' | 'agentId' | 'tag' | 'priority' | 'mailbox'>;

const arrival = sql`coalesce(${conversations.firstMessageAt}, ${conversations.createdAt})`;
const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

function conditions(workspaceId: string, f: Filters, ctx: ReportContext, scope: Scope): SQL[] {
  const from = new Date(f.from);
  const instant = (at: string) => sql`${new Date(at).toISOString()}::timestamptz`;
  const list: (SQL | undefined)[] = [
    eq(conversations.workspaceId, workspaceId),
    isNull(conversations.deletedAt),
    sql`${arrival} < ${instant(f.to)}`,
    scope === 'cohort'
      ? sql`${arrival} >= ${instant(f.from)}`
      : or(
          sql`${arrival} >= ${instant(f.from)}`,
          ne(conversations.status, 'closed'),
          gte(conversations.updatedAt, from),
        ),
    f.agentId ? eq(conversations.assigneeId, f.agentId) : undefined,
    f.priority ? eq(conversations.priority, f.priority) : undefined,
    f.tag ? sql`${conversations.tags} @> ${jsonb([f.tag])}` : undefined,
    f.mailbox
      ? or(
          sql`${conversations.refs} @> ${jsonb([{ mailbox: f.mailbox }])}`,
          sql`${conversations.participants} @> ${jsonb([{ email: f.mailbox }])}`,
        )
      : undefined,
    ctx.teamMemberIds === null
      ? undefined
      : ctx.teamMemberIds.length
        ? inArray(conversations.assigneeId, ctx.teamMemberIds)
        : sql`false`,
  ];
  return list.filter((c): c is SQL => c !== undefined);
}

/** The metric events of these conversations, each conversation's in log order. */
export async function metricEvents(
  db: Db,
  workspaceId: string,
  conversationIds: readonly string[],
): Promise<Map<string, MetricEvent[]>> {
  const byConversation = new Map<string, MetricEvent[]>(conversationIds.map((id) => [id, []]));
  if (!conversationIds.length) return byConversation;
  const rows = await db
    .select({
      id: events.id,
      conversationId: events.conversationId,
      type: events.type,
      before: events.before,
      after: events.after,
      at: events.at,
    })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        inArray(events.conversationId, [...conversationIds]),
        inArray(events.type, [...METRIC_EVENT_TYPES]),
      ),
    )
    .orderBy(asc(events.version), asc(events.at));
  for (const { conversationId, at, ...event } of rows)
    byConversation.get(conversationId ?? '')?.push({ ...event, at: at.toISOString() });
  return byConversation;
}

/**
 * The facts of every conversation in scope, `batch` at a time: one query for the
 * conversations (keyset on id) and one for their events per batch, so memory holds one
 * batch, never the whole period.
 */
export async function* factBatches(
  db: Db,
  workspaceId: string,
  filters: Filters,
  ctx: ReportContext,
  now: Date,
  scope: Scope,
  batch = BATCH,
): AsyncGenerator<ConversationFacts[]> {
  const where = conditions(workspaceId, filters, ctx, scope);
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select()
      .from(conversations)
      .where(and(...where, after === null ? undefined : gt(conversations.id, after)))
      .orderBy(asc(conversations.id))
      .limit(batch);
    if (!rows.length) return;
    const byConversation = await metricEvents(
      db,
      workspaceId,
      rows.map((r) => r.id),
    );
    yield rows.map((row) =>
      factsFor(ctx, toConversation(row), byConversation.get(row.id) ?? [], now),
    );
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}
