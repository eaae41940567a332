import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { METRIC_EVENT_TYPES, type MetricEvent } from '../../lib/metrics/timeline';
import type { ReportFilters } from '../../lib/schema';
import type { Db } from '../db/open';
import { conversations, events } from '../db/schema';
import type { ReportContext } from './context';

/** Conversations read per query, and the events of that many per query. */
export const BATCH = 500;

export type Filters = Pick<ReportFilters, 'agentId' | 'tag' | 'priority' | 'mailbox'>;

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** The filters on a conversation's current fields (as `conversations` columns). */
export function filterConditions(f: Filters, ctx: ReportContext): SQL[] {
  const list: (SQL | undefined)[] = [
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
