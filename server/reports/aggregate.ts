import { type SQL, sql } from 'drizzle-orm';
import { dayNumber, daysBetween, localDay } from '../../lib/metrics/days';
import type { Range } from '../../lib/metrics/samples';
import type { DurationStats, ReportClock, ReportFigures } from '../../lib/schema';
import type { Db, Tx } from '../db/open';
import { selectRows } from '../db/select-rows';
import { STORED_METRICS } from './sample-rows';

/**
 * The SQL over `report_samples` that gives a report's figures, each computed exactly as
 * lib/metrics' reportAccumulator computes it from facts (a test holds them equal).
 */

/** The workspace, and the samples a report reads (`report_samples s`, maybe joined). */
export interface SampleScope {
  workspaceId: string;
  from: SQL;
}

/**
 * Runs `work` over the samples of the conversations the filters keep (their current
 * fields). With filters, those conversations are listed once in a temporary table for
 * the transaction: one scan of `conversations`, not one per query.
 */
export async function inScope<T>(
  db: Db,
  workspaceId: string,
  filters: SQL[],
  work: (db: Db | Tx, scope: SampleScope) => Promise<T>,
): Promise<T> {
  if (!filters.length) return work(db, { workspaceId, from: sql`report_samples s` });
  return db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table report_scope on commit drop as
      select id from conversations
      where workspace_id = ${workspaceId} and ${sql.join(filters, sql` and `)}`);
    await tx.execute(sql`analyze report_scope`);
    return work(tx, {
      workspaceId,
      from: sql`report_samples s join report_scope f on f.id = s.conversation_id`,
    });
  });
}

const isoArray = (instants: readonly number[]) =>
  sql`${`{${instants.map((t) => new Date(t).toISOString()).join(',')}}`}::timestamptz[]`;
const at = (t: number) => sql`${new Date(t).toISOString()}::timestamptz`;

export const durationColumn = (clock: ReportClock) =>
  clock === 'business' ? sql`s.business_ms` : sql`s.calendar_ms`;

type MetricRow = {
  metric: string;
  n: number;
  durations: number;
  median: number | null;
  p90: number | null;
  average: number | null;
} & Record<
  | 'yes'
  | 'met'
  | 'breached'
  | 'accepted'
  | 'edited'
  | 'discarded'
  | 'before'
  | 'promoters'
  | 'detractors'
  | 'scoreSum',
  number
>;

const stats = (r: MetricRow | undefined): DurationStats => {
  const count = Number(r?.durations ?? 0);
  if (!r || count === 0) return { count: 0, medianMs: null, p90Ms: null, averageMs: null };
  return {
    count,
    medianMs: Math.round(Number(r.median)),
    p90Ms: Number(r.p90),
    averageMs: Math.round(Number(r.average)),
  };
};
const rate = (count: number, of: number) => ({ count, of, rate: of === 0 ? null : count / of });

/** The metrics whose samples are durations: medians and percentiles sort them. */
const DURATIONS = ['firstResponse', 'firstResponseFromAssignment', 'nextResponse', 'resolution'];

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Counts per metric in one pass (a hash aggregate), and the duration statistics over the
 * duration samples only: sorting is what costs, so only durations are sorted. Both read
 * the covering index on arrival, not the table.
 */
async function perMetric(db: Db | Tx, scope: SampleScope, range: Range, clock: ReportClock) {
  const cohort = sql`s.workspace_id = ${scope.workspaceId}
    and s.arrival_at >= ${at(range.from)} and s.arrival_at < ${at(range.to)}`;
  const [counts, durations] = await Promise.all([
    selectRows<MetricRow>(
      db,
      sql`
      select s.metric,
        count(*)::int as n,
        count(*) filter (where s.value = 'true')::int as yes,
        count(*) filter (where s.value = 'met')::int as met,
        count(*) filter (where s.value = 'breached')::int as breached,
        count(*) filter (where s.value = 'accepted')::int as accepted,
        count(*) filter (where s.value = 'edited')::int as edited,
        count(*) filter (where s.value = 'discarded')::int as discarded,
        count(*) filter (where s.value = 'beforeAssignment')::int as before,
        count(*) filter (where case when s.metric = 'nps' then s.value::int >= 9 end)::int as promoters,
        count(*) filter (where case when s.metric = 'nps' then s.value::int <= 6 end)::int as detractors,
        coalesce(sum(case when s.metric in ('nps', 'ces') then s.value::int end), 0)::int as "scoreSum"
      from ${scope.from}
      where ${cohort} and s.metric in (${list(STORED_METRICS)})
      group by s.metric`,
    ),
    // The sort of a large period's durations fits in memory with more than the default.
    db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '64MB'`);
      return selectRows<MetricRow>(
        tx,
        sql`
        with d as (
          select s.metric, ${durationColumn(clock)} as ms
          from ${scope.from}
          where ${cohort} and s.metric in (${list(DURATIONS)})
        )
        select metric,
          count(ms)::int as durations,
          percentile_cont(0.5) within group (order by ms) as median,
          (percentile_disc(0.9) within group (order by ms))::float8 as p90,
          avg(ms)::float8 as average
        from (
          select metric, ms from d
          union all
          select 'averageResponse', ms from d where metric in ('firstResponse', 'nextResponse')
        ) x
        group by metric`,
      );
    }),
  ]);
  const rows = new Map(counts.map((r) => [r.metric, r]));
  for (const d of durations) rows.set(d.metric, { ...(rows.get(d.metric) ?? d), ...d });
  return rows;
}

type Bucketed = { kind: string; b: number; n: number };

/** Arrivals and closes per local day, and the open conversations at each day's end. */
async function trends(
  db: Db | Tx,
  scope: SampleScope,
  range: Range,
  now: number,
  zone: string,
): Promise<Pick<ReportFigures, 'volume' | 'backlog'>> {
  const days = daysBetween(zone, range.from, range.to).filter((d) => d.start <= now);
  if (!days.length) return { volume: [], backlog: [] };
  const starts = isoArray(days.map((d) => d.start));
  const ends = days.map((d) => Math.min(d.end, range.to, now));
  const lastEnd = at(ends.at(-1)!);
  // Spans that ended before the first day's end add one and take one from every day alike.
  const firstEnd = at(ends[0]!);
  const upTo = Math.min(range.to - 1, now);
  const ws = scope.workspaceId;
  const from = scope.from;
  const rows = await selectRows<Bucketed>(
    db,
    sql`
    select 'arrived' as kind, width_bucket(s.arrival_at, ${starts}) as b, count(*)::int as n
      from ${from} where s.workspace_id = ${ws} and s.metric = 'conversations'
        and s.arrival_at >= ${at(range.from)} and s.arrival_at <= ${at(upTo)} group by 2
    union all
    select 'closed', width_bucket(s.at, ${starts}), count(*)::int
      from ${from} where s.workspace_id = ${ws} and s.metric = 'close'
        and s.at >= ${at(range.from)} and s.at <= ${at(upTo)} group by 2
    union all
    select 'opened', width_bucket(s.at, ${isoArray(ends)}), count(*)::int
      from ${from} where s.workspace_id = ${ws} and s.metric = 'openSpan'
        and s.end_at is null and s.at < ${lastEnd} group by 2
    union all
    select 'opened', width_bucket(s.at, ${isoArray(ends)}), count(*)::int
      from ${from} where s.workspace_id = ${ws} and s.metric = 'openSpan'
        and s.end_at >= ${firstEnd} and s.at < ${lastEnd} group by 2
    union all
    select 'ended', width_bucket(s.end_at, ${isoArray(ends)}), count(*)::int
      from ${from} where s.workspace_id = ${ws} and s.metric = 'openSpan'
        and s.end_at >= ${firstEnd} and s.end_at < ${lastEnd} group by 2`,
  );
  const count = (kind: string) => {
    const byBucket = days.map(() => 0);
    for (const r of rows) if (r.kind === kind) byBucket[Number(r.b) - 1]! += Number(r.n);
    return byBucket;
  };
  const arrived = count('arrived');
  const closed = count('closed');
  // A span is open at a day's end E when it started before E and did not end before it:
  // those that started before E, less those that ended before E. Bucket b-1 holds the
  // instants in [E(b-1), E(b)), bucket 0 (index -1 here) those before the first end.
  const before = (kind: string) => {
    const byBucket = days.map(() => 0);
    let zero = 0;
    for (const r of rows)
      if (r.kind === kind) {
        if (Number(r.b) === 0) zero += Number(r.n);
        else byBucket[Number(r.b) - 1]! += Number(r.n);
      }
    let sum = zero;
    return byBucket.map((n) => {
      const atEnd = sum;
      sum += n;
      return atEnd;
    });
  };
  const opened = before('opened');
  const ended = before('ended');
  return {
    volume: days.map((d, i) => ({ date: d.date, arrived: arrived[i]!, closed: closed[i]! })),
    backlog: days.map((d, i) => ({ date: d.date, open: opened[i]! - ended[i]! })),
  };
}

type LoadRow = { agent_id: string; kind: string; n: number };

/** Per agent: open now, assigned in the period and today, closed in the period. */
async function workload(
  db: Db | Tx,
  scope: SampleScope,
  range: Range,
  now: number,
  zone: string,
): Promise<ReportFigures['workload']> {
  const today = localDay(zone, dayNumber(zone, now));
  const ws = scope.workspaceId;
  const from = scope.from;
  const arrived = sql`s.arrival_at < ${at(range.to)}`;
  const rows = await selectRows<LoadRow>(
    db,
    sql`
    select s.agent_id, 'open' as kind, count(*)::int as n from ${from}
      where s.workspace_id = ${ws} and s.metric = 'current' and s.value <> 'closed'
        and s.agent_id is not null and ${arrived} group by 1
    union all
    select s.agent_id, 'assigned', count(*)::int from ${from}
      where s.workspace_id = ${ws} and s.metric = 'assignment'
        and s.at >= ${at(range.from)} and s.at < ${at(range.to)} and ${arrived} group by 1
    union all
    select s.agent_id, 'assignedToday', count(*)::int from ${from}
      where s.workspace_id = ${ws} and s.metric = 'assignment'
        and s.at >= ${at(today.start)} and s.at < ${at(today.end)} and ${arrived} group by 1
    union all
    select s.agent_id, 'closed', count(*)::int from ${from}
      where s.workspace_id = ${ws} and s.metric = 'close' and s.agent_id is not null
        and s.at >= ${at(range.from)} and s.at < ${at(range.to)} and ${arrived} group by 1`,
  );
  const loads = new Map<string, ReportFigures['workload'][number]>();
  for (const r of rows) {
    const load = loads.get(r.agent_id) ?? {
      agentId: r.agent_id,
      open: 0,
      assigned: 0,
      assignedToday: 0,
      closed: 0,
    };
    load[r.kind as 'open' | 'assigned' | 'assignedToday' | 'closed'] += Number(r.n);
    loads.set(r.agent_id, load);
  }
  return [...loads.values()].sort((a, b) => a.agentId.localeCompare(b.agentId));
}

/** Every figure of a report from the samples (refreshed first by the caller). */
export async function aggregateFigures(
  db: Db | Tx,
  scope: SampleScope,
  range: Range,
  clock: ReportClock,
  now: number,
  zone: string,
): Promise<ReportFigures> {
  const [m, t, w] = await Promise.all([
    perMetric(db, scope, range, clock),
    trends(db, scope, range, now, zone),
    workload(db, scope, range, now, zone),
  ]);
  const n = (metric: string, key: keyof MetricRow) => Number(m.get(metric)?.[key] ?? 0);
  const flag = (metric: string) => rate(n(metric, 'yes'), n(metric, 'n'));
  const adherence = (metric: string) => ({
    ...rate(n(metric, 'met'), n(metric, 'met') + n(metric, 'breached')),
    pending: n(metric, 'n') - n(metric, 'met') - n(metric, 'breached'),
  });
  const ratings = (metric: 'nps' | 'ces') => n(metric, 'n');
  const accepted = n('copilotAcceptance', 'accepted');
  const edited = n('copilotAcceptance', 'edited');
  return {
    conversations: n('conversations', 'n'),
    firstResponse: stats(m.get('firstResponse')),
    firstResponseFromAssignment: {
      ...stats(m.get('firstResponseFromAssignment')),
      repliedBeforeAssignment: n('firstResponseFromAssignment', 'before'),
    },
    nextResponse: stats(m.get('nextResponse')),
    averageResponse: stats(m.get('averageResponse')),
    resolution: stats(m.get('resolution')),
    firstContactResolution: flag('firstContactResolution'),
    reopenRate: flag('reopenRate'),
    slaFirstResponse: adherence('slaFirstResponse'),
    slaNextResponse: adherence('slaNextResponse'),
    slaResolution: adherence('slaResolution'),
    escalationRate: flag('escalationRate'),
    copilotAcceptance: {
      ...rate(accepted + edited, n('copilotAcceptance', 'n')),
      accepted,
      edited,
      discarded: n('copilotAcceptance', 'discarded'),
    },
    csat: flag('csat'),
    nps: {
      count: ratings('nps'),
      promoters: n('nps', 'promoters'),
      passives: ratings('nps') - n('nps', 'promoters') - n('nps', 'detractors'),
      detractors: n('nps', 'detractors'),
      score:
        ratings('nps') === 0
          ? null
          : ((n('nps', 'promoters') - n('nps', 'detractors')) / ratings('nps')) * 100,
    },
    ces: {
      count: ratings('ces'),
      average: ratings('ces') === 0 ? null : n('ces', 'scoreSum') / ratings('ces'),
    },
    ...t,
    workload: w,
  };
}
