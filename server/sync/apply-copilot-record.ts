import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../lib/mutations/apply';
import { applyCopilotRecord } from '../../lib/mutations/copilot-record';
import type { MutationOf } from '../../lib/schema';
import type { Tx } from '../db/open';
import { conversations } from '../db/schema';
import { eventWriter } from '../domain/write';
import { type Outcome, rejected } from './apply-mutation';

/**
 * `copilot.record` inside the push transaction, which holds the workspace lock: one
 * `copilot.<task>` event by the member who asked, and nothing else. No synced record
 * changes, so the version is not bumped and no client is poked: the event is written at
 * the current head, where it sorts after that version's own events.
 */
export async function applyCopilotRecordInTx(
  tx: Tx,
  workspaceId: string,
  head: number,
  actor: Actor,
  mutation: MutationOf<'copilot.record'>,
  now: Date,
): Promise<{ outcome: Outcome; writes: Promise<unknown>[] }> {
  const { conversationId } = mutation.args;
  const rows =
    conversationId === null
      ? []
      : await tx
          .select({ deletedAt: conversations.deletedAt })
          .from(conversations)
          .where(
            and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)),
          );
  const result = applyCopilotRecord(
    rows.some((c) => !c.deletedAt),
    mutation,
  );
  if (!result.ok)
    return {
      outcome: { ...rejected(mutation.id, result.status, result.message), head },
      writes: [],
    };
  return {
    outcome: { result: { id: mutation.id, status: 'ok' }, version: null, head },
    writes: [eventWriter(tx, workspaceId, head, actor.memberId, now)(result.event)],
  };
}
