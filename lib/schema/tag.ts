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

const Color = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour like #1a2b3c');

export const CreateTag = z.object({ name: TagName, color: Color.default('#6b7280') });
export const UpdateTag = z
  .object({ name: TagName, color: Color, archived: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

/** `POST /v1/tags/:id/merge`: the tag's conversations move to `into`, and the tag goes. */
export const MergeTag = z.object({ into: Id });

/** `GET /v1/tags/counts`: conversations with status open, per live tag. */
export const TagCount = z.object({ tagId: Id, name: TagName, open: z.number().int() });
export type TagCount = z.infer<typeof TagCount>;
