import type { CopilotSource } from '../../schema';
import type { CopilotContext, PastConversation } from '../provider';
import { terms } from '../terms';
import { customerOf, ownText, parseAddress, sentences } from '../thread-text';

export interface Extract {
  text: string;
  sources: CopilotSource[];
}

interface Candidate {
  text: string;
  who: string;
  order: number;
  score: number;
}

const MAX_SENTENCES = 5;
const MAX_HISTORY = 5;
/** Long run-on sentences are trimmed; the summary is read at a glance. */
const MAX_SENTENCE_CHARS = 240;

const firstName = (from: string) => {
  const { name, email } = parseAddress(from);
  return name?.split(/\s+/)[0] ?? email;
};

/**
 * Each sentence scores the thread-wide frequency of its words, per word (long sentences
 * gain nothing by length); the opening of the thread and the newest message get a bonus
 * because they say what was asked and where it stands.
 */
function candidates(context: CopilotContext): Candidate[] {
  const messages = context.thread.messages.map((m) => ({
    who: firstName(m.from),
    own: ownText(m.text),
  }));
  const frequency = new Map<string, number>();
  for (const term of messages.flatMap((m) => terms(m.own))) {
    frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  let order = 0;
  return messages.flatMap((message, m) =>
    sentences(message.own).map((text, s) => {
      const own = [...new Set(terms(text))];
      const weight = own.reduce((sum, t) => sum + (frequency.get(t) ?? 0), 0);
      const opening = m === 0 && s === 0 ? 1.5 : 1;
      const newest = m === messages.length - 1 ? 1.3 : 1;
      const asks = text.endsWith('?') ? 1.2 : 1;
      const score =
        own.length === 0 ? 0 : (weight / Math.sqrt(own.length)) * opening * newest * asks;
      return { text, who: message.who, order: order++, score };
    }),
  );
}

const clip = (text: string) =>
  text.length > MAX_SENTENCE_CHARS ? `${text.slice(0, MAX_SENTENCE_CHARS - 1)}…` : text;

const day = (instant: string | null) => instant?.slice(0, 10) ?? 'undated';

function historyLine(past: PastConversation): string {
  const c = past.conversation;
  const note = past.notes.at(-1);
  const gist = note ? `: ${clip(sentences(note.body)[0] ?? note.body)}` : '';
  const tags = c.tags.length > 0 ? `, ${c.tags.join(', ')}` : '';
  return `- ${day(c.lastMessageAt)} "${c.subject}" (${c.status}${tags})${gist}`;
}

/** The thread's most informative sentences in their order, then the customer's history. */
export function summarise(context: CopilotContext): Extract {
  const all = candidates(context);
  const keep = Math.min(MAX_SENTENCES, Math.max(2, Math.ceil(all.length / 2)));
  const picked = [...all]
    .sort((a, b) => b.score - a.score)
    .slice(0, keep)
    .sort((a, b) => a.order - b.order);
  const count = context.thread.messages.length;
  const lines = [
    `${count} message${count === 1 ? '' : 's'}: ${context.thread.subject}`,
    ...picked.map((c) => `- ${c.who}: ${clip(c.text)}`),
  ];

  const customer = customerOf(context);
  const earlier = context.history
    .filter(
      (p) =>
        p.conversation.id !== context.conversation?.id &&
        p.conversation.participants.some((x) => x.email === customer.email),
    )
    .slice(0, MAX_HISTORY);
  if (earlier.length > 0) {
    lines.push('', `Previous conversations with ${customer.name ?? customer.email}:`);
    lines.push(...earlier.map(historyLine));
  }
  return {
    text: lines.join('\n'),
    sources: earlier.map((p) => ({
      kind: 'conversation',
      id: p.conversation.id,
      title: p.conversation.subject,
      reason: `Same customer, ${p.conversation.status} ${day(p.conversation.lastMessageAt)}`,
    })),
  };
}
