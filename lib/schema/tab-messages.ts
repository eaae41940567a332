import { z } from 'zod';
import { ThreadRef } from './conversation';
import { Queue } from './messages';

/**
 * What the background asks of a mail tab (an SLA notification was clicked): open the
 * thread of one of these refs if the tab's mailbox holds one, or open a queue.
 */
export const TabRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sidedesk:openThread'), refs: z.array(ThreadRef).min(1).max(200) }),
  z.object({ type: z.literal('sidedesk:openQueue'), queue: Queue }),
]);
export type TabRequest = z.infer<typeof TabRequest>;

/** `opened: false` when the tab's mailbox has no thread of the conversation. */
export const TabReply = z.object({ opened: z.boolean() });
export type TabReply = z.infer<typeof TabReply>;
