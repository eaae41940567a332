import type { OutboxRow } from '../db';
import { type Actor, applyMutation } from '../mutations/apply';
import { type Conversation, type Note, parseMutation } from '../schema';
import { contextFor, type Rules } from './rules';

/**
 * The cached view of a conversation: the server's confirmed snapshot with the still
 * pending mutations applied in id order. A mutation the rules now refuse is skipped here
 * and left in the outbox: the server has the last word.
 */
export function replay(
  base: Conversation | null,
  pending: OutboxRow[],
  actor: Actor,
  rules: Rules,
  version: number,
): Conversation | null {
  let view = base;
  for (const row of pending) {
    const parsed = parseMutation({ id: row.id, name: row.name, args: row.args, ts: row.ts });
    if (!parsed.ok || parsed.mutation.name === 'template.use') continue;
    if (parsed.mutation.name === 'copilot.record') continue;
    const ctx = contextFor(rules, row.ts, version);
    const result = applyMutation(view, parsed.mutation, actor, ctx, row.conversationId);
    if (result.ok) view = result.applied.conversation;
  }
  return view;
}

/** Notes still in the outbox, shown beside the confirmed ones until the server echoes them. */
export function pendingNotes(pending: OutboxRow[], actor: Actor): Note[] {
  return pending.flatMap((row) => {
    const parsed = parseMutation({ id: row.id, name: row.name, args: row.args, ts: row.ts });
    if (!parsed.ok || parsed.mutation.name !== 'note.add') return [];
    const { id, conversationId, body, mentions } = parsed.mutation.args;
    return [
      {
        id,
        conversationId,
        authorId: actor.memberId,
        body,
        mentions,
        createdAt: row.ts,
        version: 0,
      },
    ];
  });
}
