import type { SidedeskDb } from '../db';
import { getMeta, setMeta } from '../meta';
import { applyTemplateUse } from '../mutations/apply';
import type { MutationOf } from '../schema';
import { type MutateResult, NotSignedIn } from './outbox';
import { actorOf } from './rules';
import type { ChangeSummary } from './summary';

/**
 * Queues a template use after checking it against the cache, as the server will. Nothing
 * is applied optimistically: no view shows a usage count, and the server's count comes
 * with the next pull. The outbox row names no conversation ('') for a new message.
 */
export async function recordTemplateUse(
  db: SidedeskDb,
  mutation: MutationOf<'template.use'>,
  now: string,
  summary: ChangeSummary,
): Promise<MutateResult> {
  const { templateId, conversationId } = mutation.args;
  return db.transaction(
    'rw',
    [db.outbox, db.meta, db.templates, db.conversations],
    async (): Promise<MutateResult> => {
      const session = await getMeta(db, 'session');
      if (!session) throw new NotSignedIn();
      const id = (await getMeta(db, 'nextMutationId')) ?? 1;
      const template = (await db.templates.get(templateId)) ?? null;
      const exists =
        conversationId !== null && (await db.conversations.get(conversationId)) !== undefined;
      const result = applyTemplateUse(template, exists, { ...mutation, id }, actorOf(session), 0);
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
