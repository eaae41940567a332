import { and, sql } from 'drizzle-orm';
import { DEFINITIONS, definitionOf, NOT_YET } from '../../lib/metrics';
import type {
  MetricSample,
  ReportConversations,
  ReportConversationsQuery,
  ReportFilters,
  ReportSummary,
} from '../../lib/schema';
import type { Db } from '../db/open';
import { selectRows } from '../db/select-rows';
import { aggregateFigures, durationColumn, inScope } from './aggregate';
import { reportContext } from './context';
import { refreshRollups } from './refresh';
import { filterConditions } from './scan';

/** A report's figures over `filters`, as of `now`: what `/v1/reports/summary` answers. */
export async function reportSummary(
  db: Db,
  workspaceId: string,
  filters: ReportFilters,
  now: Date,
): Promise<ReportSummary> {
  const ctx = await reportContext(db, workspaceId, filters);
  await refreshRollups(db, workspaceId, now);
  const range = { from: Date.parse(filters.from), to: Date.parse(filters.to) };
  return {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    asOf: now.toISOString(),
    clock: filters.clock,
    timeZone: ctx.timeZone,
    figures: await inScope(db, workspaceId, filterConditions(filters, ctx), (tx, scope) =>
      aggregateFigures(tx, scope, range, filters.clock, now.getTime(), ctx.timeZone),
    ),
    definitions: [...DEFINITIONS],
    notYet: [...NOT_YET],
  };
}

type SampleRow = {
  conversation_id: string;
  ms: number | string | null;
  value: string | null;
  at: string | Date;
  event_ids: string[] | string;
};

const sampleValue = (row: SampleRow): MetricSample['value'] =>
  row.ms !== null
    ? Number(row.ms)
    : row.value === 'true' || row.value === 'false'
      ? row.value === 'true'
      : row.value !== null && /^-?\d+$/.test(row.value)
        ? Number(row.value)
        : (row.value ?? '');

/** The samples behind one figure, in time order: what `/v1/reports/conversations` answers. */
export async function reportConversations(
  db: Db,
  workspaceId: string,
  q: ReportConversationsQuery,
  now: Date,
): Promise<ReportConversations> {
  const ctx = await reportContext(db, workspaceId, q);
  await refreshRollups(db, workspaceId, now);
  const metrics = q.metric === 'averageResponse' ? ['firstResponse', 'nextResponse'] : [q.metric];
  const where = and(
    sql`s.workspace_id = ${workspaceId}`,
    sql`s.metric in (${sql.join(
      metrics.map((m) => sql`${m}`),
      sql`, `,
    )})`,
    sql`s.arrival_at >= ${q.from}::timestamptz and s.arrival_at < ${q.to}::timestamptz`,
  );
  const [total, page] = await inScope(db, workspaceId, filterConditions(q, ctx), (tx, scope) =>
    Promise.all([
      selectRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${scope.from} where ${where}`,
      ),
      selectRows<SampleRow>(
        tx,
        sql`
        select s.conversation_id, ${durationColumn(q.clock)} as ms, s.value, s.at, s.event_ids
        from ${scope.from} where ${where}
        order by s.at, s.conversation_id, s.metric = 'nextResponse', s.seq
        limit ${q.limit} offset ${q.offset}`,
      ),
    ]),
  );
  return {
    metric: q.metric,
    definition: definitionOf(q.metric),
    total: Number(total[0]?.n ?? 0),
    samples: page.map((row) => ({
      conversationId: row.conversation_id,
      value: sampleValue(row),
      at: new Date(row.at).toISOString(),
      eventIds: typeof row.event_ids === 'string' ? JSON.parse(row.event_ids) : row.event_ids,
    })),
  };
}
