import type { Intent } from '../../schema';
import { found, normalise, phrases, quote } from './phrases';

/**
 * The words any support email of each kind tends to use. Strong phrases name the topic
 * outright; weak ones lean towards it. General on purpose: the labelled fixtures measure
 * these lists, they were not copied from them.
 */
const SIGNALS: Record<Exclude<Intent, 'thanks'>, { strong: string[]; weak: string[] }> = {
  outage: {
    strong: [
      'outages?',
      'down for (everyone|everybody|all|us)',
      '(site|app|service|server|platform|system|website|dashboard|api|everything) (is |was |went |seems )?down',
      '(is|went|gone|goes|been) down',
      'service unavailable',
      'bad gateway',
      'gateway time-?out',
      '50[0234]( errors?)?',
      'unreachable',
      "can'?t reach",
      'cannot reach',
      'status page',
      'incident',
      'not (loading|opening|responding|working) for (anyone|everyone|all|any)',
    ],
    weak: [
      'not (loading|opening|responding)',
      'extremely slow',
      'very slow',
      'slow',
      'tim(es|ing|ed) out',
      'time-?outs?',
      'degraded',
      'latency',
      'maintenance',
      'all (of )?(our|the) (users|agents|staff)',
      'none of (us|our)',
      'nobody',
    ],
  },
  billing: {
    strong: [
      'invoices?',
      'refund(s|ed)?',
      'billing',
      'billed',
      'charged?',
      'charges',
      'overcharged',
      'payments?',
      'card declined',
      'declined',
      'bank statement',
      'prorated',
      'vat',
      'receipts?',
      'pricing',
      'price',
    ],
    weak: [
      'paid',
      'pay',
      'discount',
      'renewal',
      'card',
      'annual',
      'monthly',
      'plan',
      'bank transfer',
      'wire transfer',
      'credit',
      'tax',
      'cost',
      '\\$\\d+',
      '€\\d+',
    ],
  },
  login: {
    strong: [
      'log ?in',
      'log-in',
      'logging in',
      'sign(ing)? ?in',
      'sign-in',
      'sso',
      'saml',
      'passwords?',
      'locked out',
      'locked',
      'unlock',
      '2fa',
      'mfa',
      'two-?factor',
      'authenticator',
      'verification codes?',
      'invalid credentials',
      'credentials',
    ],
    weak: [
      'reset',
      'codes?',
      'enter (to |into )?my account',
      'get into my account',
      'access my account',
      'login page',
      'backup codes?',
    ],
  },
  bug: {
    strong: [
      'bugs?',
      'crash(es|ed|ing)?',
      'broken',
      'broke',
      'not work(ing)?',
      "doesn'?t work",
      'does not work',
      "isn'?t working",
      'nothing happens?',
      'error message',
      'exception',
      'stack trace',
      'reproduc(e|ible)',
      'glitch',
      'regression',
    ],
    weak: [
      'errors?',
      'fails?',
      'failed',
      'failing',
      'wrong',
      'incorrect',
      'missing',
      'empty',
      'blank',
      'steps',
      'console',
      'spinner',
      'freez(es|ing)',
      'stuck',
      'update',
      'every time',
      'happens',
      'disappear(s|ed)?',
    ],
  },
  'feature-request': {
    strong: [
      'feature requests?',
      'would love',
      'it would be (great|nice|helpful|useful|really helpful|very useful)',
      'would be (great|nice|helpful|useful|very useful|really helpful)',
      'will be (very )?useful',
      'please add',
      '(possible|plans?) to (add|integrate|support)',
      'could you add',
      'can you add',
      'suggestions?',
      'ideas?',
      'roadmap',
      'any plans',
      'new (feature|function|functionality|option)',
      'enhancement',
    ],
    weak: [
      'feature',
      'integrat(e|ion)',
      'wish',
      'add (an |the )?option',
      'be able to',
      'support for',
      'consider',
    ],
  },
  'how-to': {
    strong: [
      'how (do|can|should|would) (i|we|you)',
      'how to',
      'is there a way',
      "what'?s the (right|best) way",
      'what is the (right|best) way',
      'walk me through',
      'explain( me)?',
      "(can'?t|cannot|don'?t) find",
      'where (can|do) (i|we)',
    ],
    weak: [
      'configur(e|ation)',
      'set ?up',
      'settings',
      'instructions',
      'guide',
      'documentation',
      'docs',
      'tutorial',
      'possible to',
      'way to',
      'where (is|are)',
      'option',
    ],
  },
  cancellation: {
    strong: [
      'cancel(l?ing|l?ed|lation)?',
      'terminat(e|ion)',
      'unsubscribe',
      'close (our|my|the) account',
      'closing (our|my|the) account',
      'delete (our|my|the) account',
      'stop (my|our|the) (plan|subscription)',
      'auto-? ?renewal',
      'end (my|our) subscription',
      'downgrad(e|ing)',
      'pause (the|my|our) subscription',
    ],
    weak: [
      'subscription',
      'contract',
      'no longer needed',
      'no longer need',
      'moving to another',
      'switch(ing)? to another',
      'stop',
      'leave',
    ],
  },
  shipping: {
    strong: [
      'ship(ping|ped|ment)?',
      'deliver(y|ed)?',
      'parcel',
      'package',
      'courier',
      'carrier',
      'tracking',
      'dispatch(ed)?',
      'in transit',
      'wrong item',
      'return shipping',
      'arrived damaged',
    ],
    weak: [
      'orders?',
      'ordered',
      'arriv(e|ed|al)',
      'box',
      'damaged',
      'crushed',
      'exchange',
      'returns?',
      'address',
      'express',
      'send (it )?to',
      'received',
      'customs',
    ],
  },
  account: {
    strong: [
      'ownership',
      'transfer (the )?(workspace|account|ownership)',
      'profile',
      'merge',
      'remove (the )?user',
      '(add|delete|remove) (a )?(user|member|seat)',
      'change (the |my |our )?email( address)?',
      'email address',
      'organi[sz]ation name',
      'company name',
      'gdpr',
      'personal data',
      'rename',
      'permissions?',
    ],
    weak: [
      'account',
      'accounts',
      'owner',
      'admin',
      'users?',
      'seats?',
      'workspace',
      'role',
      'name',
      'data',
      'update',
    ],
  },
};

const COMPILED = Object.entries(SIGNALS).map(([intent, { strong, weak }]) => ({
  intent: intent as Exclude<Intent, 'thanks'>,
  strong: phrases(strong),
  weak: phrases(weak),
}));

export interface IntentScore {
  intent: Exclude<Intent, 'thanks'>;
  score: number;
  evidence: string[];
}

/** The subject says what the mail is about in few words: its phrases count more. */
const SUBJECT_WEIGHT = 1.5;

/** A subject without the Re:/Fwd: a reply or forward puts before it, normalised. */
export const bareSubject = (subject: string) =>
  normalise(subject.replace(/^\s*((re|fwd?|aw|wg)\s*:\s*)+/i, ''));

/** No topic word at all: most such mails are questions, so it reads as one. */
export const intentOf = (best: IntentScore) => (best.score > 0 ? best.intent : 'how-to');

/** What triage makes of a subject alone: all a rule on the server can know of a mail. */
export const subjectIntent = (subject: string) =>
  intentOf(scoreIntents(bareSubject(subject), '')[0]!);

export function scoreIntents(subject: string, body: string): IntentScore[] {
  return COMPILED.map(({ intent, strong, weak }) => {
    let score = 0;
    const evidence: string[] = [];
    for (const [text, weight] of [
      [subject, SUBJECT_WEIGHT],
      [body, 1],
    ] as const) {
      const strongHits = found(text, strong);
      const weakHits = found(text, weak);
      score += weight * (2 * strongHits.length + weakHits.length);
      evidence.push(...strongHits, ...weakHits);
    }
    return { intent, score, evidence: [...new Set(evidence)] };
  }).sort((a, b) => b.score - a.score);
}

/** A strong phrase in the message itself (not the subject, which a reply inherits). */
export const raisesTopic = (body: string) =>
  COMPILED.some(({ strong }) => found(body, strong).length > 0);

export const intentReason = (best: IntentScore) =>
  best.score > 0
    ? `Mentions ${quote(best.evidence)}`
    : 'No topic words found; read as a general question';
