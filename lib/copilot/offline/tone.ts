import type { Sentiment } from '../../schema';
import { found, phrases, quote } from './phrases';

const ANGRY = phrases([
  'unacceptable',
  'ridiculous',
  'terrible',
  'awful',
  'horrible',
  'worst',
  '(a|this is a) joke',
  'furious',
  'angry',
  'fed up',
  "(i'?ve |i have )?had enough",
  'sick (and tired )?of',
  'scam',
  'shady',
  'useless',
  'pathetic',
  'incompetent',
  'disgust(ed|ing)',
  'frustrat(ed|ing|ion)',
  'very disappointed',
  'fix (it|this)( now)?',
  'losing (sales|money|customers|revenue)',
  'how many times',
]);
const UNHAPPY = phrases([
  'disappoint(ed|ing)',
  'annoy(ed|ing)',
  'upset',
  'unhappy',
  'not happy',
  'wasted?',
  'never answers?',
  'no answer',
  'still (no|not|nothing)',
  'again',
  '(second|third|fourth) time',
]);
const WARM = phrases([
  'appreciated?',
  'great',
  'love',
  'awesome',
  'perfect',
  'excellent',
  'amazing',
  'wonderful',
  'fantastic',
  'brilliant',
  'keep it up',
  'well done',
  'so helpful',
  'very helpful',
  'friendly',
]);
const GRATEFUL = phrases([
  'thanks?( you)?( so much| a lot| very much)?',
  'many thanks',
  'much appreciated',
  'grateful',
  'cheers',
]);
/** Anything that asks for more or reports a problem: a thank-you with it is not the end. */
const MORE_TO_DO = phrases([
  'but',
  'however',
  'though',
  'still',
  'except',
  'unfortunately',
  'issues?',
  'problems?',
  'errors?',
  'not',
  "\\w+n't",
  'cannot',
  'another',
  'one more',
  'also',
  'again',
  'please',
  'could you',
  'can you',
  'would you',
]);

/** Words written in capitals to shout, not acronyms (which rarely carry vowels like these). */
const ACRONYMS = new Set(['API', 'SAML', 'URL', 'UTC', 'CET', 'CEST', 'OKTA', 'AWS', 'IOS', 'IT']);
const shouted = (raw: string) =>
  (raw.match(/\b[A-Z]{3,}\b/g) ?? []).filter((w) => /[AEIOU]/.test(w) && !ACRONYMS.has(w));

export interface Tone {
  sentiment: Sentiment;
  reason: string;
}

/** `text` normalised for the phrase lists, `raw` as written (capitals and !!! count). */
export function toneOf(text: string, raw: string, thanksOnly: boolean): Tone {
  const angry = found(text, ANGRY);
  const unhappy = found(text, UNHAPPY);
  const shouting = shouted(raw);
  const exclaimed = /[!?]{2,}|\?!/.test(raw);
  const negative = 2 * angry.length + unhappy.length + (shouting.length > 0 ? 1 : 0);
  if (negative + (exclaimed ? 1 : 0) >= 2) {
    const words = [...angry, ...unhappy, ...shouting];
    return {
      sentiment: 'negative',
      reason: words.length > 0 ? `Upset: ${quote(words)}` : 'Upset: insistent punctuation',
    };
  }
  const warm = found(text, WARM);
  const grateful = found(text, GRATEFUL);
  if (thanksOnly || (negative === 0 && 2 * warm.length + grateful.length >= 2)) {
    return { sentiment: 'positive', reason: `Pleased: ${quote([...warm, ...grateful])}` };
  }
  return { sentiment: 'neutral', reason: 'Matter-of-fact: no upset or warm words' };
}

/**
 * Short, grateful, and asking for nothing more: the conversation can close. `raisesTopic`:
 * the message names a support topic outright (an idea, a charge), so it is not only thanks.
 */
export function isThanksOnly(text: string, raisesTopic: boolean): boolean {
  const wordCount = text.split(' ').filter(Boolean).length;
  return (
    !raisesTopic &&
    wordCount > 0 &&
    wordCount <= 50 &&
    !text.includes('?') &&
    (found(text, GRATEFUL).length > 0 || found(text, WARM).length > 0) &&
    found(text, MORE_TO_DO).length === 0
  );
}
