import { conversationIdFor } from '../conversation-id';
import { fromConversationRow, type SidedeskDb } from '../db';
import { getMeta, setMeta } from '../meta';
import { applyMutation } from '../mutations/apply';
import type { Conversation, MutationName, MutationResult } from '../schema';
import { parseMutation } from '../schema';
import type { SyncNotice } from '../schema/messages';
import { rebase, writeView } from './rebase';
import { recordCopilotUse } from './record-copilot-use';
import { recordTemplateUse } from './record-template-use';
import { actorOf, contextFor, loadRules } from './rules';
import type { ChangeSummary } from './summary';

export type MutateResult =
  /** `conversation` is null for a mutation that changes none (template.use). */
  | { ok: true; mutationId: number | null; conversation: Conversation | null }
  | { ok: false; status: 'conflict' | 'forbidden' | 'invalid'; message: string };

export class NotSignedIn extends Error {
  constructor() {
    super('not signed in to a workspace');
    this.name = 'NotSignedIn';
  }
}

/**
 * Apply a mutation to the cache and queue it, in one transaction: the view, the outbox row
 * and the next mutation id change together or not at all. A mutation the rules refuse on
 * the cached state is answered at once and not queued. An upsert that changes nothing on a
 * conversation with nothing pending is not queued either (`mutationId: null`): the server
 * already has it.
 */
export async function recordMutation(
  db: SidedeskDb,
  name: MutationName,
  args: unknown,
  now: string,
  summary: ChangeSummary,
): Promise<MutateResult> {
  const parsed = parseMutation({ id: 1, name, args, ts: now });
  if (!parsed.ok) return { ok: false, status: 'invalid', message: parsed.message };
  const mutation = parsed.mutation;
  if (mutation.name === 'template.use') return recordTemplateUse(db, mutation, now, summary);
  if (mutation.name === 'copilot.record') return recordCopilotUse(db, mutation, now, summary);
  const conversationId =
    mutation.name === 'conversation.upsert'
      ? await conversationIdFor(mutation.args.meta.key)
      : mutation.args.conversationId;

  return db.transaction(
    'rw',
    [db.outbox, db.conversations, db.confirmed, db.meta, db.members, db.tags],
    async (): Promise<MutateResult> => {
      const session = await getMeta(db, 'session');
      if (!session) throw new NotSignedIn();
      const id = (await getMeta(db, 'nextMutationId')) ?? 1;
      const version = (await getMeta(db, 'cursor')) ?? 0;
      const row = await db.conversations.get(conversationId);
      const current = row ? fromConversationRow(row) : null;
      const ctx = contextFor(await loadRules(db), now, version);
      const result = applyMutation(
        current,
        { ...mutation, id },
        actorOf(session),
        ctx,
        conversationId,
      );
      if (!result.ok) return { ok: false, status: result.status, message: result.message };

      const { conversation, noop } = result.applied;
      const hasPending = (await db.confirmed.get(conversationId)) !== undefined;
      if (noop && !hasPending) return { ok: true, mutationId: null, conversation };

      if (!hasPending) await db.confirmed.put({ id: conversationId, record: current });
      await writeView(db, conversationId, conversation);
      await db.outbox.add({
        id,
        name,
        args: mutation.args,
        ts: now,
        attempts: 0,
        conversationId,
      });
      await setMeta(db, 'nextMutationId', id + 1);
      summary.conversation(conversationId).table('sync');
      if (name === 'note.add') summary.table('notes');
      return { ok: true, mutationId: id, conversation };
    },
  );
}

const MAX_NOTICES = 20;

/**
 * Settle the server's answers to one push: every answered row leaves the outbox (its id is
 * consumed whatever the result). A refused mutation is undone by rebasing its conversation
 * (on the server's current record after a conflict) and leaves a notice for the UI.
 */
export async function settlePush(
  db: SidedeskDb,
  results: MutationResult[],
  now: string,
  summary: ChangeSummary,
) {
  await db.transaction(
    'rw',
    [db.outbox, db.conversations, db.confirmed, db.meta, db.members, db.tags],
    async () => {
      const session = await getMeta(db, 'session');
      if (!session) return;
      const refused: SyncNotice[] = [];
      const touched = new Set<string>();
      for (const result of results) {
        const row = await db.outbox.get(result.id);
        if (!row) continue;
        await db.outbox.delete(row.id);
        summary.table('sync');
        if (result.status === 'ok') continue;
        touched.add(row.conversationId);
        if (result.status === 'conflict' && result.current) {
          await db.confirmed.put({ id: row.conversationId, record: result.current });
        }
        refused.push(await noticeFor(db, row, result, now));
        if (row.name === 'note.add') summary.table('notes');
      }
      if (touched.size > 0) {
        const version = (await getMeta(db, 'cursor')) ?? 0;
        await rebase(db, actorOf(session), version, summary, touched);
      }
      if (refused.length > 0) {
        const notices = [...refused.reverse(), ...((await getMeta(db, 'notices')) ?? [])];
        await setMeta(db, 'notices', notices.slice(0, MAX_NOTICES));
      }
    },
  );
}

async function noticeFor(
  db: SidedeskDb,
  row: { id: number; name: string; conversationId: string },
  result: Exclude<MutationResult, { status: 'ok' }>,
  now: string,
): Promise<SyncNotice> {
  const base = {
    mutationId: row.id,
    mutation: row.name,
    conversationId: row.conversationId,
    status: result.status,
    message: result.message,
    by: null,
    at: null,
    recordedAt: now,
  };
  if (result.status !== 'conflict' || !result.current) return base;
  const current = result.current;
  const holder = current.assigneeId ? await db.members.get(current.assigneeId) : undefined;
  const isAssignment = row.name === 'conversation.assign' || row.name === 'conversation.unassign';
  return {
    ...base,
    message: !isAssignment
      ? result.message
      : holder
        ? `${holder.name} took this`
        : 'This conversation was unassigned meanwhile',
    by: holder ? { id: holder.id, name: holder.name } : null,
    at: current.updatedAt,
  };
}
