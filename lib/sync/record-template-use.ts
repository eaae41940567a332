import type { SidedeskDb } from '../db';
import { applyTemplateUse } from '../mutations/apply';
import type { MutationOf } from '../schema';
import type { MutateResult } from './outbox';
import { isCached, queueRecordOnly } from './record-only';
import { actorOf } from './rules';
import type { ChangeSummary } from './summary';

/**
 * Queues a template use after checking it against the cache, as the server will. Nothing
 * is applied optimistically: no view shows a usage count, and the server's count comes
 * with the next pull. The outbox row names no conversation ('') for a new message.
 */
export function recordTemplateUse(
  db: SidedeskDb,
  mutation: MutationOf<'template.use'>,
  now: string,
  summary: ChangeSummary,
): Promise<MutateResult> {
  const { templateId, conversationId } = mutation.args;
  return queueRecordOnly(db, mutation, [db.templates], now, summary, async ({ id, session }) => {
    const template = (await db.templates.get(templateId)) ?? null;
    const exists = await isCached(db, conversationId);
    const result = applyTemplateUse(template, exists, { ...mutation, id }, actorOf(session), 0);
    return result.ok ? null : result;
  });
}
