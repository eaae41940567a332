import { Dexie } from 'dexie';
import { type ConversationRow, fromConversationRow, NO_DUE_DATE, type SidedeskDb } from './db';
import type { Actor } from './mutations/apply';
import type { Conversation, Note, Status, ThreadRef } from './schema';
import type { Queue } from './schema/messages';
import { type Countdown, conversationCountdowns, type PolicyClocks, policyClocks } from './sla';
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

/** The statuses whose SLA clocks may still count (a close settles them all). */
const OWING: readonly Status[] = ['open', 'pending', 'snoozed'];

/**
 * Conversations whose clocks may still count and that fall due before `before`, soonest
 * due first, keeping those `keep` accepts, at most `limit`. Each status is read through the
 * `[status+dueKey]` index in due order and stops at `limit` kept rows.
 */
async function owingDueBefore(
  db: SidedeskDb,
  before: string,
  keep: (row: ConversationRow) => boolean,
  limit: number,
) {
  const lists = await Promise.all(
    OWING.map((status) => {
      const due = db.conversations
        .where('[status+dueKey]')
        .between([status, Dexie.minKey], [status, before], true, false)
        .filter(keep);
      return Number.isFinite(limit) ? due.limit(limit).toArray() : due.toArray();
    }),
  );
  const merged = lists.flat().sort((a, b) => a.dueKey.localeCompare(b.dueKey));
  return rows(merged.slice(0, limit));
}

/** Every conversation with a clock still owed and a due time: what the SLA ticker watches. */
export function owingConversations(db: SidedeskDb) {
  return owingDueBefore(db, NO_DUE_DATE, () => true, Infinity);
}

/** The policies' clocks as the cache has them. */
export async function cachedPolicyClocks(db: SidedeskDb): Promise<PolicyClocks> {
  const [policies, calendars] = await Promise.all([
    db.slaPolicies.toArray(),
    db.slaCalendars.toArray(),
  ]);
  return policyClocks(policies, calendars);
}

const someCountdown =
  (clocks: PolicyClocks, now: number, test: (c: Countdown) => boolean) => (row: ConversationRow) =>
    conversationCountdowns(row, clocks, now)?.countdowns.some(test) ?? false;

/** Breaching soon: a clock that counts (not paused) is in its warning window. */
export async function breachingSoon(db: SidedeskDb, now: number, limit: number) {
  const clocks = await cachedPolicyClocks(db);
  const atRisk = (c: Countdown) => c.warning && !c.paused;
  return owingDueBefore(db, NO_DUE_DATE, someCountdown(clocks, now, atRisk), limit);
}

/** Breached: a clock still owed has used more than its target (so it fell due before now). */
export async function breached(db: SidedeskDb, now: number, limit: number) {
  const clocks = await cachedPolicyClocks(db);
  const overdue = (c: Countdown) => c.counting && c.target.state === 'breached';
  const before = new Date(now).toISOString();
  return owingDueBefore(db, before, someCountdown(clocks, now, overdue), limit);
}

export function listQueue(
  db: SidedeskDb,
  queue: Queue,
  memberId: string,
  limit: number,
  now = Date.now(),
): Promise<Conversation[]> {
  if (queue === 'mine') return openQueueOf(db, memberId, limit);
  if (queue === 'unassigned') return openQueueOf(db, '', limit);
  if (queue === 'all-open') return allOpen(db, limit);
  if (queue === 'breaching') return breachingSoon(db, now, limit);
  if (queue === 'breached') return breached(db, now, limit);
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
