import type { Intent, Priority, Sentiment } from '../../schema';
import { found, phrases, quote } from './phrases';

/** Many people affected at once. */
const WIDE_IMPACT = phrases([
  'everyone',
  'everybody',
  'nobody',
  'no one',
  'none of (us|our|my|the)',
  'all (of )?(our|the|my) (users|agents|staff|customers|colleagues|people|team)',
  'all our',
  'for all',
  'whole (team|company|office|floor|support floor)',
  'entire (team|company|office)',
  '\\d+ (people|agents|users)',
  'production',
  'checkout',
  "we (cannot|can ?not|can't) work",
  'losing (sales|money|customers|revenue)',
]);
/** The service is down, not merely slow. */
const HARD_DOWN = phrases([
  'down',
  'unavailable',
  'bad gateway',
  '50[0234]',
  'unreachable',
  "can'?t reach",
  'cannot reach',
  'not (loading|opening)',
  'outages?',
]);
/** The customer cannot do their job until this is fixed. */
const CANNOT_WORK = phrases([
  'locked out',
  'locked my account',
  "(can'?t|cannot|can not|unable to) (log|sign|get in|access|enter|work|send|use)",
]);
/** Their money, goods or a date they named are at stake. */
const AT_STAKE = phrases([
  "(can'?t|cannot|can not|unable to) pay",
  'charged twice',
  'double charged?',
  'two charges',
  'charged after',
  'took \\$?\\d+',
  'declined',
  'payment failed',
  'will be suspended',
  'suspended',
  'damaged',
  'cracked',
  'crushed',
  'lost',
  "(hasn'?t|has not|haven'?t|never) (arrived|updated|come)",
  'no parcel',
  'still no',
  '(old|wrong) address',
  'today',
  'deadline',
]);
/** The customer asks for speed in words. */
const HURRY = phrases([
  'asap',
  'as soon as possible',
  'right away',
  'immediately',
  '^urgent',
  "(it'?s|this is|is) urgent",
  'urgently',
  'quickly',
  'escalate',
]);

const LOWER_BY_DEFAULT: readonly Intent[] = ['feature-request', 'thanks'];
/** Topics where the customer cannot work until it is answered, whatever they write. */
const CANNOT_WORK_BY_NATURE: readonly Intent[] = ['login'];

export interface PriorityGuess {
  value: Priority;
  reason: string;
}

/**
 * Urgent: the service is down, or many people (or one upset person) cannot work. High:
 * someone is blocked or upset. Low: requests for later and thanks. Normal otherwise.
 * `subject` and `body` are normalised.
 */
export function priorityOf(
  intent: Intent,
  sentiment: Sentiment,
  subject: string,
  body: string,
): PriorityGuess {
  const text = `${subject} ${body}`;
  const wide = found(text, WIDE_IMPACT);
  const cannotWork = found(text, CANNOT_WORK);
  const blocked = [...cannotWork, ...found(text, AT_STAKE)];
  const hurry = found(text, HURRY);
  if (intent === 'thanks') return { value: 'low', reason: 'A thank-you: nothing left to do' };
  if (intent === 'outage') {
    const down = found(text, HARD_DOWN);
    if (down.length > 0 || wide.length > 0) {
      return { value: 'urgent', reason: `Service down: ${quote([...down, ...wide])}` };
    }
    return { value: 'high', reason: 'Service degraded, not down' };
  }
  if (wide.length > 0 && (blocked.length > 0 || hurry.length > 0)) {
    return { value: 'urgent', reason: `Many people blocked: ${quote([...wide, ...blocked])}` };
  }
  const blockedFromWork = cannotWork.length > 0 || CANNOT_WORK_BY_NATURE.includes(intent);
  if (blockedFromWork && sentiment === 'negative') {
    return { value: 'urgent', reason: `Upset and cannot work: ${quote(cannotWork) || intent}` };
  }
  const isBlocked = blocked.length > 0 || blockedFromWork;
  if (LOWER_BY_DEFAULT.includes(intent)) {
    return { value: 'low', reason: 'A request for later, nothing is blocked' };
  }
  if (isBlocked) {
    return {
      value: 'high',
      reason:
        blocked.length > 0 ? `At stake: ${quote(blocked)}` : `A ${intent} problem blocks work`,
    };
  }
  if (sentiment === 'negative') return { value: 'high', reason: 'An upset customer' };
  if (hurry.length > 0) return { value: 'high', reason: `Asks for speed: ${quote(hurry)}` };
  return { value: 'normal', reason: 'An ordinary request, nothing blocked' };
}
