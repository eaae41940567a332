import { type SidedeskDb, toConversationRow } from '../db';
import type { Actor } from '../mutations/apply';
import type { Conversation } from '../schema';
import { replay } from './replay';
import { loadRules } from './rules';
import type { ChangeSummary } from './summary';

/** Runs inside the caller's transaction (conversations, confirmed, outbox, members, tags). */
export async function writeView(db: SidedeskDb, id: string, view: Conversation | null) {
  if (view) await db.conversations.put(toConversationRow(view));
  else await db.conversations.delete(id);
}

/**
 * Recompute the view of every conversation that has a confirmed copy: the copy plus its
 * pending outbox rows. A conversation left with no pending rows shows the copy as is, and
 * the copy is dropped. Called after every change to confirmed state or to the outbox.
 */
export async function rebase(
  db: SidedeskDb,
  actor: Actor,
  version: number,
  summary: ChangeSummary,
  ids?: Iterable<string>,
) {
  const rules = await loadRules(db);
  const confirmed = ids
    ? (await db.confirmed.bulkGet([...ids])).filter((row) => row !== undefined)
    : await db.confirmed.toArray();
  for (const { id, record } of confirmed) {
    const pending = await db.outbox.where('conversationId').equals(id).sortBy('id');
    if (pending.length === 0) await db.confirmed.delete(id);
    await writeView(db, id, replay(record, pending, actor, rules, version));
    summary.conversation(id);
  }
}
