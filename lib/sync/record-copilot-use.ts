import type { SidedeskDb } from '../db';
import { getMeta, setMeta } from '../meta';
import { applyCopilotRecord } from '../mutations/copilot-record';
import type { MutationOf } from '../schema';
import { type MutateResult, NotSignedIn } from './outbox';
import type { ChangeSummary } from './summary';

/**
 * Queues a copilot record after checking it against the cache, as the server will. It
 * changes no cached record (the server writes only an event); the outbox row names no
 * conversation ('') when the answer was for a thread not recorded.
 */
export async function recordCopilotUse(
  db: SidedeskDb,
  mutation: MutationOf<'copilot.record'>,
  now: string,
  summary: ChangeSummary,
): Promise<MutateResult> {
  const { conversationId } = mutation.args;
  return db.transaction(
    'rw',
    [db.outbox, db.meta, db.conversations],
    async (): Promise<MutateResult> => {
      if (!(await getMeta(db, 'session'))) throw new NotSignedIn();
      const id = (await getMeta(db, 'nextMutationId')) ?? 1;
      const exists =
        conversationId !== null && (await db.conversations.get(conversationId)) !== undefined;
      const result = applyCopilotRecord(exists, { ...mutation, id });
      if (!result.ok) return result;
      await db.outbox.add({
        id,
        name: mutation.name,
        args: mutation.args,
        ts: now,
        attempts: 0,
        conversationId: conversationId ?? '',
      });
      await setMeta(db, 'nextMutationId', id + 1);
      summary.table('sync');
      return { ok: true, mutationId: id, conversation: null };
    },
  );
}
