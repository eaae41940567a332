import {
  type AdherenceFigure,
  type ConversationFacts,
  type ReportFigures,
  SampledMetricId,
} from '../schema/reports';
import { cesFigure, npsFigure } from './ratings';
import { type Range, samplesOf } from './samples';
import { durationStats, rate } from './stats';
import { trendsAccumulator } from './trends';
import { workloadAccumulator } from './workload';

const SAMPLED: readonly SampledMetricId[] = SampledMetricId.options;

type Value = number | boolean | string;

const numbers = (values: readonly Value[]) =>
  values.filter((v): v is number => typeof v === 'number');
const count = (values: readonly Value[], value: Value) => values.filter((v) => v === value).length;

function adherence(states: readonly Value[]): AdherenceFigure {
  const met = count(states, 'met');
  const breached = count(states, 'breached');
  return { ...rate(met, met + breached), pending: states.length - met - breached };
}

/**
 * The figures of a report, fed one conversation's facts at a time (so a caller can read
 * conversations in batches and let each go): only the sample values are kept. Feed it
 * every conversation that was open at some time in the period; the per-conversation
 * metrics pick those that arrived in it.
 */
export function reportAccumulator(range: Range, now: number, timeZone: string) {
  const values = new Map<SampledMetricId, Value[]>(SAMPLED.map((m) => [m, []]));
  const trends = trendsAccumulator(range, now, timeZone);
  const workload = workloadAccumulator(range, now, timeZone);
  return {
    add(facts: ConversationFacts) {
      for (const metric of SAMPLED)
        values.get(metric)!.push(...samplesOf(facts, metric, range).map((s) => s.value));
      trends.add(facts);
      workload.add(facts);
    },
    figures(): ReportFigures {
      const v = (m: SampledMetricId) => values.get(m)!;
      const drafts = v('copilotAcceptance');
      const accepted = count(drafts, 'accepted');
      const edited = count(drafts, 'edited');
      return {
        conversations: v('conversations').length,
        firstResponse: durationStats(numbers(v('firstResponse'))),
        firstResponseFromAssignment: {
          ...durationStats(numbers(v('firstResponseFromAssignment'))),
          repliedBeforeAssignment: count(v('firstResponseFromAssignment'), 'beforeAssignment'),
        },
        nextResponse: durationStats(numbers(v('nextResponse'))),
        averageResponse: durationStats(numbers(v('averageResponse'))),
        resolution: durationStats(numbers(v('resolution'))),
        firstContactResolution: rate(
          count(v('firstContactResolution'), true),
          v('firstContactResolution').length,
        ),
        reopenRate: rate(count(v('reopenRate'), true), v('reopenRate').length),
        slaFirstResponse: adherence(v('slaFirstResponse')),
        slaNextResponse: adherence(v('slaNextResponse')),
        slaResolution: adherence(v('slaResolution')),
        escalationRate: rate(count(v('escalationRate'), true), v('escalationRate').length),
        copilotAcceptance: {
          ...rate(accepted + edited, drafts.length),
          accepted,
          edited,
          discarded: count(drafts, 'discarded'),
        },
        csat: rate(count(v('csat'), true), v('csat').length),
        nps: npsFigure(numbers(v('nps'))),
        ces: cesFigure(numbers(v('ces'))),
        ...trends.result(),
        workload: workload.result(),
      };
    },
  };
}

/** The figures of a report over facts already in memory. */
export function reportFigures(
  facts: Iterable<ConversationFacts>,
  range: Range,
  now: number,
  timeZone: string,
): ReportFigures {
  const acc = reportAccumulator(range, now, timeZone);
  for (const f of facts) acc.add(f);
  return acc.figures();
}
