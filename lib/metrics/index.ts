/**
 * Metrics from events (docs/analytics.md): pure, no I/O and no clock reads, shared by the
 * API's reports and (later) the options page. Durations reuse lib/sla's clocks.
 */
export { DEFINITIONS, definitionOf, NOT_YET } from './definitions';
export { conversationFacts, type FactsInput } from './facts';
export { arrivedIn, type Range, samplesOf } from './samples';
export { durationStats, rate } from './stats';
export { reportAccumulator, reportFigures } from './summary';
export { METRIC_EVENT_TYPES, type MetricEvent } from './timeline';
