import {
  DEFINITIONS,
  definitionOf,
  NOT_YET,
  reportAccumulator,
  samplesOf,
} from '../../lib/metrics';
import type {
  MetricSample,
  ReportConversations,
  ReportConversationsQuery,
  ReportFilters,
  ReportSummary,
} from '../../lib/schema';
import type { Db } from '../db/open';
import { reportContext } from './context';
import { factBatches } from './scan';

/** A report's figures over `filters`, as of `now`: what `/v1/reports/summary` answers. */
export async function reportSummary(
  db: Db,
  workspaceId: string,
  filters: ReportFilters,
  now: Date,
): Promise<ReportSummary> {
  const ctx = await reportContext(db, workspaceId, filters);
  const range = { from: Date.parse(filters.from), to: Date.parse(filters.to) };
  const figures = reportAccumulator(range, now.getTime(), ctx.timeZone);
  for await (const batch of factBatches(db, workspaceId, filters, ctx, now, 'active'))
    for (const facts of batch) figures.add(facts);
  return {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    asOf: now.toISOString(),
    clock: filters.clock,
    timeZone: ctx.timeZone,
    figures: figures.figures(),
    definitions: [...DEFINITIONS],
    notYet: [...NOT_YET],
  };
}

/** The samples behind one figure, in time order: what `/v1/reports/conversations` answers. */
export async function reportConversations(
  db: Db,
  workspaceId: string,
  q: ReportConversationsQuery,
  now: Date,
): Promise<ReportConversations> {
  const ctx = await reportContext(db, workspaceId, q);
  const range = { from: Date.parse(q.from), to: Date.parse(q.to) };
  const samples: MetricSample[] = [];
  for await (const batch of factBatches(db, workspaceId, q, ctx, now, 'cohort'))
    for (const facts of batch) samples.push(...samplesOf(facts, q.metric, range));
  samples.sort(
    (a, b) => a.at.localeCompare(b.at) || a.conversationId.localeCompare(b.conversationId),
  );
  return {
    metric: q.metric,
    definition: definitionOf(q.metric),
    total: samples.length,
    samples: samples.slice(q.offset, q.offset + q.limit),
  };
}
