/**
 * The pure SLA engine (docs/sla.md). Country holidays live in `./country-holidays`, which
 * only the API imports, so no extension bundle carries their rules.
 */
export { elapsedTime, type WorkingTime, workingTime } from './calendar';
export {
  type ConversationCountdowns,
  type Countdown,
  type CountdownSubject,
  type CountdownTone,
  conversationCountdowns,
  mostUrgent,
  type PolicyClock,
  type PolicyClocks,
  policyClocks,
  TARGET_NAMES,
} from './countdown';
export { clockOf, type SlaInput, slaState } from './evaluate';
export { countdownLabel, type DuePreviewInput, duePreview, formatDuration } from './format';
export { isoInstant, parseIsoInstant } from './iso-instant';
export { zonedInstant } from './local-time';
export { matches, matchPolicy } from './policy-match';
