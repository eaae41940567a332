import { type ConversationKey, ConversationMeta, type ThreadRef } from '../../schema';
import type { ReadResult } from '../types';
import { parseGmailDate } from './gmail-date';

/** A contact as InboxSDK's MessageView gives it. */
export interface ContactFacts {
  emailAddress: string;
  name?: string | null;
}

/**
 * One message as the page shows it. Gmail renders hidden ("N older messages") and
 * collapsed messages without their full header: those are `unread`, which is known
 * absence, unlike a shown message missing a field.
 */
export type MessageFacts =
  | { state: 'unread' }
  | { state: 'shown'; sender: ContactFacts; recipients: ContactFacts[]; date: string };

export interface ThreadFacts {
  ref: ThreadRef;
  key: ConversationKey;
  subject: string;
  messages: MessageFacts[];
  /** The first message's Date header: to the second and zoned, unlike the page's titles. */
  firstSentAt: string | null;
}

const MAX_PARTICIPANTS = 100;

/** All of the conversation's metadata, or an error: never a record from a half-read page. */
export function buildThreadMeta(facts: ThreadFacts): ReadResult<ConversationMeta> {
  const subject = facts.subject.trim();
  // Gmail titles an empty subject "(no subject)", so an empty one means it was not found.
  if (!subject) return failure('the subject is missing');
  const shown = facts.messages.flatMap((m) => (m.state === 'shown' ? [m] : []));
  const newest = facts.messages.at(-1);
  if (newest?.state !== 'shown') return failure('the newest message is not readable');
  if (shown.some((m) => !m.date.trim())) return failure('a shown message has no date');

  const first = facts.messages[0];
  const firstMessageAt =
    facts.firstSentAt ?? (first?.state === 'shown' ? parseGmailDate(first.date) : null);
  const parsed = ConversationMeta.safeParse({
    key: facts.key,
    host: facts.ref.host,
    ref: facts.ref,
    subject,
    participants: participantsOf(shown, facts.ref.mailbox),
    firstMessageAt,
    lastMessageAt:
      facts.messages.length === 1
        ? firstMessageAt
        : latest(firstMessageAt, parseGmailDate(newest.date)),
    lastMessageFrom: newest.sender.emailAddress.trim(),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return failure(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

export interface RowFacts {
  ref: ThreadRef;
  key: ConversationKey;
  subject: string;
  participants: ConversationMeta['participants'];
  firstSentAt: string | null;
  lastMessageAt: string | null;
}

/**
 * What a thread-list row tells of its conversation: enough to list it in a queue before
 * anyone opens it. Opening the thread later adds the recipients the row leaves out.
 */
export function buildRowMeta(facts: RowFacts): ReadResult<ConversationMeta> {
  const subject = facts.subject.trim();
  if (!subject) return failure('the subject is missing');
  if (facts.participants.length === 0) return failure('the row names no one');
  const parsed = ConversationMeta.safeParse({
    key: facts.key,
    host: facts.ref.host,
    ref: facts.ref,
    subject,
    participants: facts.participants.slice(0, MAX_PARTICIPANTS),
    firstMessageAt: facts.firstSentAt,
    lastMessageAt: latest(facts.firstSentAt, facts.lastMessageAt),
    // A row does not say who sent its newest message; opening the thread does.
    lastMessageFrom: null,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return failure(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

type Shown = Extract<MessageFacts, { state: 'shown' }>;

/**
 * Senders name themselves; a recipient label for the signed-in user is Gmail's
 * localised "me", so that one is never taken as a name.
 */
function participantsOf(messages: Shown[], mailbox: string) {
  const names = new Map<string, string | null>();
  const add = (contact: ContactFacts, trustName: boolean) => {
    const email = contact.emailAddress.trim().toLowerCase();
    const name = trustName ? contact.name?.trim() || null : null;
    if (!names.has(email) || (name && !names.get(email))) names.set(email, name);
  };
  for (const m of messages) add(m.sender, true);
  for (const m of messages) {
    for (const r of m.recipients) add(r, r.emailAddress.trim().toLowerCase() !== mailbox);
  }
  return [...names]
    .slice(0, MAX_PARTICIPANTS)
    .map(([email, name]) => ({ email, name: name?.slice(0, 200) ?? null }));
}

// Page titles are to the minute while the Date header has seconds: never end before the start.
function latest(first: string | null, last: string | null): string | null {
  if (!first || !last) return last;
  return Date.parse(last) < Date.parse(first) ? first : last;
}

function failure(message: string): ReadResult<ConversationMeta> {
  return { ok: false, message: `Gmail thread not fully read: ${message}` };
}
