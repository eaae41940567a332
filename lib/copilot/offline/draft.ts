import type { Participant, Template } from '../../schema';
import { bodyText } from '../../templates/filter';
import { fillVariables, variableValues } from '../../templates/variables';
import type { CopilotContext } from '../provider';
import { groundingFor } from '../retrieval';
import { customerOf, latestCustomerMessage, ownText, sentences } from '../thread-text';
import type { Extract } from './summary';

const GREETING = /^(hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,.!?]{0,40}[,!]?\s*/i;
const SIGN_OFF =
  /^((best|kind|warm|many)\s+)?(regards|wishes)[,!.]?$|^(thanks|thank you|cheers|best|sincerely|all the best)[,!.]?$/i;
const NO_TEMPLATE = 'I am looking into this and will get back to you shortly.';

/** Their words turned to ours: "I was charged" → "you were charged". */
const SWAPS: Record<string, string> = {
  'i was': 'you were',
  'i am': 'you are',
  "i'm": "you're",
  "i've": "you've",
  "i'd": "you'd",
  "i'll": "you'll",
  i: 'you',
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
  we: 'you',
  us: 'you',
  our: 'your',
  ours: 'yours',
  you: 'we',
  your: 'our',
  yours: 'ours',
};
/** One pass, so a swapped word is never swapped back; "to you" is "to us", not "to we". */
const PERSON =
  /\b(?:(to|for|with|from|sent|told|asked|emailed|called|paid) you|i was|i am|i'm|i've|i'd|i'll|myself|mine|my|me|ours|our|us|we|yours|your|you|i)\b/gi;

const swapPerson = (sentence: string) =>
  sentence.replace(PERSON, (word: string, before?: string) =>
    before ? `${before} us` : (SWAPS[word.toLowerCase()] ?? word),
  );

const stripRe = (subject: string) => subject.replace(/^\s*((re|fwd?|aw|wg)\s*:\s*)+/i, '').trim();

/** One sentence that shows we read their message, taken from it. */
export function acknowledgement(context: CopilotContext): string {
  const said = sentences(ownText(latestCustomerMessage(context).text));
  const statement = said.find((s) => {
    const words = s.split(/\s+/).length;
    return !s.endsWith('?') && words >= 4 && words <= 30;
  });
  const subject = stripRe(context.thread.subject);
  if (!statement) return `Thanks for your message about "${subject}".`;
  const clause = swapPerson(statement.replace(/[.!]+$/, ''));
  return `Thanks for letting us know that ${clause.charAt(0).toLowerCase()}${clause.slice(1)}.`;
}

/** The template as paragraphs of text, its variables filled for this customer. */
function templateParagraphs(template: Template, context: CopilotContext, customer: Participant) {
  const html = fillVariables(template.body, {
    customer,
    agent: context.agent,
    conversation: context.conversation ?? {
      subject: context.thread.subject,
      status: 'open',
      priority: 'normal',
    },
  });
  return html
    .split(/<\/(?:p|li|div|h\d)>|<br\s*\/?>/i)
    .map((block) => bodyText(block).replace(/\s+([,.;:!?])/g, '$1'))
    .filter(Boolean);
}

/**
 * Greeting, an acknowledgement from their own words, the best template's answer, and the
 * agent's sign-off, with the greeting and closing words the template itself uses (the
 * team's tone).
 */
export function draftReply(context: CopilotContext): Extract {
  const grounding = groundingFor(context);
  const customer = customerOf(context);
  const best = grounding.templates[0]?.template;
  const paragraphs = best ? templateParagraphs(best, context, customer) : [];
  const agentName = context.agent.name;

  let greeting = 'Hi';
  const opening = GREETING.exec(paragraphs[0] ?? '');
  if (opening) {
    greeting = opening[1]!.charAt(0).toUpperCase() + opening[1]!.slice(1).toLowerCase();
    const rest = paragraphs[0]!.slice(opening[0].length).trim();
    if (rest) paragraphs[0] = rest.charAt(0).toUpperCase() + rest.slice(1);
    else paragraphs.shift();
  }
  let signOff = 'Best regards,';
  while (paragraphs.length > 0) {
    const last = paragraphs.at(-1)!;
    if (last === agentName) paragraphs.pop();
    else if (SIGN_OFF.test(last))
      signOff = paragraphs
        .pop()!
        .replace(/[.!]?$/, ',')
        .replace(/,,$/, ',');
    else break;
  }

  const firstName = variableValues({ customer, agent: null, conversation: null })[
    'customer.firstName'
  ];
  const text = [
    `${greeting} ${firstName || 'there'},`,
    acknowledgement(context),
    ...(paragraphs.length > 0 ? paragraphs : [NO_TEMPLATE]),
    `${signOff}\n${agentName}`,
  ].join('\n\n');
  return {
    text,
    sources: [
      ...grounding.templates.slice(0, 1).map((t) => t.source),
      ...grounding.conversations.map((c) => c.source),
    ],
  };
}
