import { conversationsWith } from '../customer-history';
import { fromConversationRow, type SidedeskDb } from '../db';
import { getMeta } from '../meta';
import { conversationById } from '../queues';
import type { Conversation, CopilotRequest, Note, Team } from '../schema';
import { NotSignedIn } from '../sync/outbox';
import type { CopilotContext, PastConversation } from './provider';
import { parseAddress } from './thread-text';

/** Past conversations a provider may look at: enough to find the right ones, no more. */
const PER_CUSTOMER = 20;
const PER_TAGS = 50;
const HISTORY = 60;
const CUSTOMERS = 5;

const lastActivity = (c: Conversation) => c.lastMessageAt ?? c.updatedAt;

/** Who the thread is with: its addresses but the agent's and the team's mailboxes. */
function customerEmails(
  request: CopilotRequest,
  conversation: Conversation | null,
  agentEmail: string,
): string[] {
  const team = new Set([
    agentEmail.toLowerCase(),
    ...(conversation?.refs.map((r) => r.mailbox.toLowerCase()) ?? []),
  ]);
  const addresses = [
    ...request.thread.messages.map((m) => parseAddress(m.from).email),
    ...(conversation?.participants.map((p) => p.email.toLowerCase()) ?? []),
  ];
  return [...new Set(addresses)].filter((a) => a.includes('@') && !team.has(a)).slice(0, CUSTOMERS);
}

/** The same customer's and the same tags' other conversations, newest first, with notes. */
async function historyOf(
  db: SidedeskDb,
  conversation: Conversation | null,
  customers: readonly string[],
): Promise<PastConversation[]> {
  const excludeId = conversation?.id ?? '';
  const tags = conversation?.tags ?? [];
  const [byCustomer, byTags] = await Promise.all([
    Promise.all(customers.map((email) => conversationsWith(db, email, excludeId, PER_CUSTOMER))),
    tags.length === 0
      ? []
      : db.conversations
          .where('tags')
          .anyOf([...tags])
          .toArray()
          .then((rows) => rows.map(fromConversationRow)),
  ]);
  const tagged = byTags
    .filter((c) => c.id !== excludeId)
    .sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)))
    .slice(0, PER_TAGS);
  const unique = new Map<string, Conversation>();
  for (const c of [...byCustomer.flat(), ...tagged]) unique.set(c.id, c);
  const past = [...unique.values()]
    .sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)))
    .slice(0, HISTORY);

  const notes = await db.notes
    .where('conversationId')
    .anyOf(past.map((c) => c.id))
    .toArray();
  const notesOf = new Map<string, Note[]>();
  for (const note of notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    notesOf.set(note.conversationId, [...(notesOf.get(note.conversationId) ?? []), note]);
  }
  return past.map((c) => ({ conversation: c, notes: notesOf.get(c.id) ?? [] }));
}

/**
 * Everything a provider may ground an answer on, from the worker's cache: the thread's
 * conversation, the templates this member can use, the live tags, the teams (from the
 * API, passed in) and the customer's and same tags' past conversations with their notes.
 */
export async function gatherContext(
  db: SidedeskDb,
  request: CopilotRequest,
  teams: readonly Team[],
): Promise<CopilotContext> {
  const session = await getMeta(db, 'session');
  if (!session) throw new NotSignedIn();
  const conversation = request.conversationId
    ? await conversationById(db, request.conversationId)
    : null;
  const [templates, tags, history] = await Promise.all([
    db.templates.toArray(),
    db.tags.toArray(),
    historyOf(db, conversation, customerEmails(request, conversation, session.member.email)),
  ]);
  return {
    thread: request.thread,
    conversation,
    templates,
    history,
    tags: tags.filter((t) => !t.archived),
    teams,
    agent: { name: session.member.name, email: session.member.email },
  };
}
