import { z } from 'zod';
import { Id, Instant, Version } from './common';

export const Note = z.object({
  id: Id,
  conversationId: z.string().min(1).max(64),
  authorId: Id,
  body: z.string().trim().min(1).max(20_000),
  mentions: z.array(Id).max(50),
  createdAt: Instant,
  version: Version,
});
export type Note = z.infer<typeof Note>;
