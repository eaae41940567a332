import type { Table } from 'dexie';
import type { SidedeskDb } from '../db';
import { getMeta, setMeta } from '../meta';
import type { RecordMutation, Session } from '../schema';
import { type MutateResult, NotSignedIn } from './outbox';
import type { ChangeSummary } from './summary';

type Refusal = Extract<MutateResult, { ok: false }>;

/**
 * Queues a mutation that only records something (a template use, a copilot answer): no
 * cached record changes and the server writes an event, so nothing is applied
 * optimistically. `refusal` checks it on the cache as the server will, in the transaction
 * that adds the outbox row and takes the next mutation id, reading `tables` besides the
 * conversations. The row names no conversation ('') when the mutation names none.
 */
export async function queueRecordOnly(
  db: SidedeskDb,
  mutation: RecordMutation,
  tables: Table[],
  now: string,
  summary: ChangeSummary,
  refusal: (queued: { id: number; session: Session }) => Promise<Refusal | null>,
): Promise<MutateResult> {
  const { conversationId } = mutation.args;
  return db.transaction(
    'rw',
    [db.outbox, db.meta, db.conversations, ...tables],
    async (): Promise<MutateResult> => {
      const session = await getMeta(db, 'session');
      if (!session) throw new NotSignedIn();
      const id = (await getMeta(db, 'nextMutationId')) ?? 1;
      const refused = await refusal({ id, session });
      if (refused) return refused;
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

/** Whether the cache holds the conversation a record names (none named: false). */
export async function isCached(db: SidedeskDb, conversationId: string | null) {
  return conversationId !== null && (await db.conversations.get(conversationId)) !== undefined;
}
