import { z } from 'zod';
import { Id, Version } from './common';
import { TagName } from './conversation';

export const Tag = z.object({
  id: Id,
  name: TagName,
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  archived: z.boolean(),
  version: Version,
});
export type Tag = z.infer<typeof Tag>;
