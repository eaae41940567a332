import { ConversationKey, ConversationMeta, type Participant, type ThreadRef } from '../../schema';
import type { ReadResult } from '../types';
import { parseOutlookDate } from './dates';

const MAX_PARTICIPANTS = 100;

/** One message of the reading pane, as far as the page shows it. */
export interface MessageFacts {
  /** Null when collapsed or when the sender shows as a name only (the mailbox's own address). */
  sender: Participant | null;
  recipients: Participant[];
  /** The message's date as written (header or its title); empty when the page had none. */
  time: string;
}

export interface ConversationFacts {
  ref: ThreadRef;
  subject: string;
  messages: MessageFacts[];
  /** The page's language, for its dates. */
  lang: string;
}

export interface RowFacts {
  ref: ThreadRef;
  subject: string;
  participants: Participant[];
  lastMessageAt: string | null;
}

/**
 * Outlook serves no raw headers to the page (no "Show original" a content script could
 * read), so a conversation is keyed by its Exchange conversation id within the mailbox:
 * every agent who opens the same shared mailbox sees the same `data-convid`.
 */
export const outlookKey = (ref: ThreadRef): ConversationKey =>
  ConversationKey.parse(`thread:outlook:${ref.mailbox}:${ref.threadId}`);

/** All of the open conversation's metadata, or why not: never a record from a half-read pane. */
export function buildConversationMeta(facts: ConversationFacts): ReadResult<ConversationMeta> {
  const subject = facts.subject.trim();
  if (!subject) return failure('the subject is missing');
  if (facts.messages.length === 0) return failure('no message is shown');
  if (facts.messages.some((m) => !m.time.trim())) return failure('a message has no date');
  const participants = participantsOf(facts.messages);
  if (participants.length === 0) return failure('no participant’s address is shown');
  // Outlook lists a conversation newest first or last, as each user likes: take the ends
  // by time, and only when every date could be read.
  const times = facts.messages.map((m) => parseOutlookDate(m.time, facts.lang));
  const known = times.every((t) => t !== null) ? times.map((t) => Date.parse(t)) : [];
  const at = (time: number | undefined) =>
    time === undefined ? null : new Date(time).toISOString();
  return checked({
    key: outlookKey(facts.ref),
    host: 'outlook',
    ref: facts.ref,
    subject,
    participants,
    firstMessageAt: at(known.length ? Math.min(...known) : undefined),
    lastMessageAt: at(known.length ? Math.max(...known) : undefined),
  });
}

/** What a list row tells of its conversation: enough to list it in a queue before anyone opens it. */
export function buildRowMeta(facts: RowFacts): ReadResult<ConversationMeta> {
  const subject = facts.subject.trim();
  if (!subject) return failure('the row’s subject is missing');
  if (facts.participants.length === 0) return failure('the row names no one by address');
  return checked({
    key: outlookKey(facts.ref),
    host: 'outlook',
    ref: facts.ref,
    subject,
    participants: facts.participants.slice(0, MAX_PARTICIPANTS),
    firstMessageAt: null,
    lastMessageAt: facts.lastMessageAt,
  });
}

/** Senders first, then recipients; each address once, with the first name shown for it. */
function participantsOf(messages: MessageFacts[]): Participant[] {
  const names = new Map<string, string | null>();
  const add = (person: Participant | null) => {
    if (!person) return;
    if (!names.has(person.email) || (person.name && !names.get(person.email)))
      names.set(person.email, person.name);
  };
  for (const m of messages) add(m.sender);
  for (const m of messages) for (const r of m.recipients) add(r);
  return [...names].slice(0, MAX_PARTICIPANTS).map(([email, name]) => ({ email, name }));
}

function checked(meta: ConversationMeta): ReadResult<ConversationMeta> {
  const parsed = ConversationMeta.safeParse(meta);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return failure(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

function failure(message: string): ReadResult<ConversationMeta> {
  return { ok: false, message: `Outlook conversation not fully read: ${message}` };
}
