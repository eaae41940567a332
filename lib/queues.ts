import { Dexie } from 'dexie';
import { type ConversationRow, fromConversationRow, type SidedeskDb } from './db';
import type { Actor } from './mutations/apply';
import type { Conversation, Note, ThreadRef } from './schema';
import type { Queue } from './schema/messages';
import { pendingNotes } from './sync/replay';
import { refKey } from './thread-ref';

const rows = (list: ConversationRow[]) => list.map(fromConversationRow);

export async function conversationById(db: SidedeskDb, id: string) {
  const row = await db.conversations.get(id);
  return row ? fromConversationRow(row) : null;
}

/** The conversation a host thread belongs to, by any member's ref to it. */
export async function conversationByRef(db: SidedeskDb, ref: ThreadRef) {
  const row = await db.conversations.where('refKeys').equals(refKey(ref)).first();
  return row ? fromConversationRow(row) : null;
}

/** The conversations of many host threads in one query, in the order of `refs`. */
export async function conversationsByRefs(db: SidedeskDb, refs: ThreadRef[]) {
  const keys = refs.map(refKey);
  const found = await db.conversations.where('refKeys').anyOf(keys).toArray();
  const byKey = new Map<string, Conversation>();
  for (const row of found) {
    const conversation = fromConversationRow(row);
    for (const key of row.refKeys) byKey.set(key, conversation);
  }
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Open conversations of one assignee ('' = unassigned), soonest due first. */
export async function openQueueOf(db: SidedeskDb, assigneeKey: string, limit: number) {
  const list = await db.conversations
    .where('[assigneeKey+status+dueKey]')
    .between([assigneeKey, 'open', Dexie.minKey], [assigneeKey, 'open', Dexie.maxKey])
    .limit(limit)
    .toArray();
  return rows(list);
}

export async function allOpen(db: SidedeskDb, limit: number) {
  const list = await db.conversations
    .where('[status+dueKey]')
    .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
    .limit(limit)
    .toArray();
  return rows(list);
}

/** Every conversation with the tag, whatever its status, soonest due first. */
export async function taggedWith(db: SidedeskDb, tag: string, limit: number) {
  const list = await db.conversations.where('tags').equals(tag).sortBy('dueKey');
  return rows(list.slice(0, limit));
}

export function listQueue(
  db: SidedeskDb,
  queue: Queue,
  memberId: string,
  limit: number,
): Promise<Conversation[]> {
  if (queue === 'mine') return openQueueOf(db, memberId, limit);
  if (queue === 'unassigned') return openQueueOf(db, '', limit);
  if (queue === 'all-open') return allOpen(db, limit);
  if (queue === 'breaching') return Promise.resolve([]);
  return taggedWith(db, queue.slice('tag:'.length), limit);
}

/** Confirmed notes and the ones still in the outbox, oldest first. */
export async function notesOf(db: SidedeskDb, conversationId: string, actor: Actor) {
  const [confirmed, pending] = await Promise.all([
    db.notes.where('conversationId').equals(conversationId).toArray(),
    db.outbox.where('conversationId').equals(conversationId).sortBy('id'),
  ]);
  const known = new Set(confirmed.map((n) => n.id));
  const notes: Note[] = [
    ...confirmed,
    ...pendingNotes(pending, actor).filter((n) => !known.has(n.id)),
  ];
  return notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
