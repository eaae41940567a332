import type { SidedeskDb } from '../db';
import { applyCopilotRecord } from '../mutations/copilot-record';
import type { MutationOf } from '../schema';
import type { MutateResult } from './outbox';
import { isCached, queueRecordOnly } from './record-only';
import type { ChangeSummary } from './summary';

/**
 * Queues a copilot record after checking it against the cache, as the server will. It
 * changes no cached record (the server writes only an event); the outbox row names no
 * conversation ('') when the answer was for a thread not recorded.
 */
export function recordCopilotUse(
  db: SidedeskDb,
  mutation: MutationOf<'copilot.record'>,
  now: string,
  summary: ChangeSummary,
): Promise<MutateResult> {
  return queueRecordOnly(db, mutation, [], now, summary, async ({ id }) => {
    const exists = await isCached(db, mutation.args.conversationId);
    const result = applyCopilotRecord(exists, { ...mutation, id });
    return result.ok ? null : result;
  });
}
