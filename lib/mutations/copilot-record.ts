import type { MutationOf } from '../schema';

export type CopilotRecordEvent = {
  type: `copilot.${MutationOf<'copilot.record'>['args']['task']}`;
  conversationId: string | null;
  after: Omit<MutationOf<'copilot.record'>['args'], 'conversationId'>;
};

/**
 * A copilot answer is recorded as a `copilot.<task>` event (draft, summary, triage) with
 * the provider, the model, the ids of its sources and the outcome: never a text. The
 * conversation, when named, must exist. The actor is the event's author.
 */
export function applyCopilotRecord(
  conversationExists: boolean,
  mutation: MutationOf<'copilot.record'>,
): { ok: true; event: CopilotRecordEvent } | { ok: false; status: 'invalid'; message: string } {
  const { conversationId, ...after } = mutation.args;
  if (conversationId !== null && !conversationExists)
    return { ok: false, status: 'invalid', message: `unknown conversation ${conversationId}` };
  return { ok: true, event: { type: `copilot.${after.task}`, conversationId, after } };
}
