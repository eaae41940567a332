import { definitionOf, samplesOf } from '../../lib/metrics';
import { type ConversationFacts, SampledMetricId } from '../../lib/schema';

/** What `report_samples` holds of one conversation (without the workspace). */
export interface SampleRow {
  conversationId: string;
  metric: string;
  seq: number;
  arrivalAt: Date;
  at: Date;
  endAt: Date | null;
  calendarMs: number | null;
  businessMs: number | null;
  value: string | null;
  agentId: string | null;
  eventIds: string[];
}

/** Average response is first and next responses together: the aggregate unions them. */
export const STORED_METRICS = SampledMetricId.options.filter((m) => m !== 'averageResponse');

const EVER = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };

/**
 * One conversation's rows: its samples of every figure (durations in both clocks side by
 * side, from facts computed once in each) and what trends and workload read: its open
 * spans, closes, assignments and current state.
 */
export function sampleRows(
  calendar: ConversationFacts,
  business: ConversationFacts | null,
): SampleRow[] {
  const arrivalAt = new Date(calendar.arrival.at);
  const row = (metric: string, seq: number, at: string, rest: Partial<SampleRow>): SampleRow => ({
    conversationId: calendar.conversationId,
    metric,
    seq,
    arrivalAt,
    at: new Date(at),
    endAt: null,
    calendarMs: null,
    businessMs: null,
    value: null,
    agentId: null,
    eventIds: [],
    ...rest,
  });
  const rows: SampleRow[] = [];
  for (const metric of STORED_METRICS) {
    const inBusiness = business ? samplesOf(business, metric, EVER) : [];
    const isDuration = definitionOf(metric).unit === 'ms';
    samplesOf(calendar, metric, EVER).forEach((s, i) => {
      const duration = isDuration && typeof s.value === 'number';
      const businessValue = inBusiness[i]?.value;
      rows.push(
        row(metric, i, s.at, {
          calendarMs: duration ? (s.value as number) : null,
          businessMs: duration && typeof businessValue === 'number' ? businessValue : null,
          value: duration ? null : String(s.value),
          eventIds: s.eventIds,
        }),
      );
    });
  }
  calendar.openSpans.forEach((s, i) => {
    rows.push(row('openSpan', i, s.start, { endAt: s.end === null ? null : new Date(s.end) }));
  });
  calendar.closes.forEach((c, i) => {
    rows.push(row('close', i, c.at, { agentId: c.assigneeId, eventIds: c.eventIds }));
  });
  calendar.assignments
    .filter((a) => a.assigneeId)
    .forEach((a, i) => {
      rows.push(row('assignment', i, a.at, { agentId: a.assigneeId, eventIds: a.eventIds }));
    });
  rows.push(
    row('current', 0, calendar.arrival.at, {
      value: calendar.status,
      agentId: calendar.assigneeId,
    }),
  );
  return rows;
}

/**
 * Until when the facts hold without a new event: the first running SLA clock's due time,
 * the end of a snooze, an event dated later than `now`. Null: until the next event.
 */
export function validUntil(
  facts: ConversationFacts,
  snoozedUntil: string | null,
  laterMoments: readonly number[],
  now: number,
): Date | null {
  const instants = [
    ...(facts.sla?.targets ?? []).flatMap((t) =>
      t.state === 'running' && t.dueAt ? [Date.parse(t.dueAt)] : [],
    ),
    ...(facts.status === 'snoozed' && snoozedUntil ? [Date.parse(snoozedUntil)] : []),
    ...laterMoments,
  ].filter((at) => at > now);
  return instants.length ? new Date(Math.min(...instants)) : null;
}
