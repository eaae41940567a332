import { z } from 'zod';
import { PresenceEntry, PresenceState } from './automation';

/** Name of the runtime Port between a mail page and the worker that carries presence. */
export const PRESENCE_PORT = 'sidedesk:presence';

const ConversationId = PresenceEntry.shape.conversationId;

/** Page → worker: what this page shows of a conversation now; null: nothing any more. */
export const PresenceReport = z.object({
  type: z.literal('presence'),
  conversationId: ConversationId,
  state: PresenceState.nullable(),
});
export type PresenceReport = z.infer<typeof PresenceReport>;

/**
 * Worker → page: the other members on conversations, never the page's own member. A
 * snapshot replaces everything the page knew; an update replaces one conversation's entries.
 */
export const PresenceUpdate = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), entries: z.array(PresenceEntry) }),
  z.object({
    type: z.literal('update'),
    conversationId: ConversationId,
    entries: z.array(PresenceEntry),
  }),
]);
export type PresenceUpdate = z.infer<typeof PresenceUpdate>;
