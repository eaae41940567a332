import { z } from 'zod';

/**
 * The conversation fields that SLA policies match on. Apart from `conversation.ts` so the
 * SLA schemas can use them while a conversation carries its SLA state, without a cycle.
 */
export const Status = z.enum(['open', 'pending', 'snoozed', 'closed']);
export type Status = z.infer<typeof Status>;

export const Priority = z.enum(['urgent', 'high', 'normal', 'low']);
export type Priority = z.infer<typeof Priority>;

export const TagName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^,\n]+$/, 'tag names cannot contain commas or new lines');
