import { z } from 'zod';
import { Id, Instant, Version } from './common';

/** One accepted change: the activity log and the source of every metric. */
export const Event = z.object({
  id: Id,
  version: Version,
  actorId: Id.nullable(),
  conversationId: z.string().nullable(),
  type: z.string().min(1).max(80),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: Instant,
});
export type Event = z.infer<typeof Event>;
