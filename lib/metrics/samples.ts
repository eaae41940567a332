import type {
  ConversationFacts,
  MetricSample,
  SampledMetricId,
  SlaOutcome,
} from '../schema/reports';
import { satisfied } from './ratings';

/** The period a report covers, in epoch ms: [from, to). */
export interface Range {
  from: number;
  to: number;
}

/** Per-conversation metrics count the conversations that arrived in the period. */
export const arrivedIn = (facts: ConversationFacts, range: Range) => {
  const at = Date.parse(facts.arrival.at);
  return at >= range.from && at < range.to;
};

const SLA_TARGET = {
  slaFirstResponse: 'firstResponse',
  slaNextResponse: 'nextResponse',
  slaResolution: 'resolution',
} as const;

/**
 * One conversation's part in a figure: the samples a figure is computed from, so the
 * conversations behind a number are exactly those that made it. Empty when the
 * conversation did not arrive in the period or says nothing of the metric.
 */
export function samplesOf(
  facts: ConversationFacts,
  metric: SampledMetricId,
  range: Range,
): MetricSample[] {
  if (!arrivedIn(facts, range)) return [];
  const conversationId = facts.conversationId;
  const sample = (value: MetricSample['value'], at: string, eventIds: string[]): MetricSample => ({
    conversationId,
    value,
    at,
    eventIds,
  });
  const first = facts.firstResponse;
  const firstSample = first ? [sample(first.fromArrivalMs, first.at, first.eventIds)] : [];
  const nextSamples = facts.nextResponses.map((r) => sample(r.ms, r.at, r.eventIds));
  switch (metric) {
    case 'conversations':
      return [sample(true, facts.arrival.at, facts.arrival.eventIds)];
    case 'firstResponse':
      return firstSample;
    case 'firstResponseFromAssignment':
      return first
        ? [sample(first.fromAssignmentMs ?? 'beforeAssignment', first.at, first.eventIds)]
        : [];
    case 'nextResponse':
      return nextSamples;
    case 'averageResponse':
      return [...firstSample, ...nextSamples];
    case 'resolution': {
      const r = facts.resolution;
      return r ? [sample(r.ms, r.at, r.eventIds)] : [];
    }
    case 'firstContactResolution': {
      const fcr = facts.firstContactResolution;
      const at = facts.resolution?.at ?? facts.arrival.at;
      return fcr ? [sample(fcr.value, at, fcr.eventIds)] : [];
    }
    case 'reopenRate': {
      const [firstClose] = facts.closes;
      if (!firstClose) return [];
      const ids = [...facts.closes, ...facts.reopens].flatMap((x) => x.eventIds);
      return [sample(facts.reopens.length > 0, firstClose.at, ids)];
    }
    case 'slaFirstResponse':
    case 'slaNextResponse':
    case 'slaResolution': {
      const target = SLA_TARGET[metric];
      return (facts.sla?.targets ?? [])
        .filter((t) => t.target === target)
        .map((t: SlaOutcome) => sample(t.state, t.completedAt ?? facts.arrival.at, t.eventIds));
    }
    case 'escalationRate': {
      const e = facts.escalation;
      return [
        e
          ? sample(true, e.at, e.eventIds)
          : sample(false, facts.arrival.at, facts.arrival.eventIds),
      ];
    }
    case 'copilotAcceptance':
      return facts.copilotDrafts.map((d) => sample(d.outcome, d.at, d.eventIds));
    // Every rated link counts: a conversation rated after several replies, several times.
    case 'csat':
      return facts.ratings
        .filter((r) => r.kind === 'csat')
        .map((r) => sample(satisfied(r), r.at, r.eventIds));
    case 'nps':
    case 'ces':
      return facts.ratings
        .filter((r) => r.kind === metric)
        .map((r) => sample(r.score, r.at, r.eventIds));
  }
}
