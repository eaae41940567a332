import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { METRIC_EVENT_TYPES, type MetricEvent } from '../../lib/metrics/timeline';
import type { ReportFilters } from '../../lib/schema';
import type { Db, Tx } from '../db/open';
import { conversations } from '../db/schema';
import { conversationEvents } from '../domain/conversation-events';
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
  db: Db | Tx,
  workspaceId: string,
  conversationIds: readonly string[],
): Promise<Map<string, MetricEvent[]>> {
  const logged = await conversationEvents(db, workspaceId, conversationIds, METRIC_EVENT_TYPES);
  return new Map(
    conversationIds.map((id) => [
      id,
      (logged.get(id) ?? []).map((e) => ({ ...e, at: e.at.toISOString() })),
    ]),
  );
}
