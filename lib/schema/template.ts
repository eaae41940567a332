import { z } from 'zod';
import { Id, Instant, Version } from './common';

export const TemplateScope = z.enum(['personal', 'team', 'workspace']);
export type TemplateScope = z.infer<typeof TemplateScope>;

export const TemplateInput = z.object({
  title: z.string().trim().min(1).max(200),
  /** HTML with {{variables}}; sanitised where it is rendered or inserted. */
  body: z.string().max(100_000),
  scope: TemplateScope,
  folder: z.string().trim().max(120).nullable().default(null),
  shortcut: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'lowercase letters, digits and dashes')
    .nullable()
    .default(null),
});
export type TemplateInput = z.infer<typeof TemplateInput>;

export const Template = TemplateInput.extend({
  id: Id,
  ownerId: Id,
  /** Edit counter: an update must name the revision it started from. */
  revision: z.number().int().positive(),
  usageCount: z.number().int().nonnegative(),
  updatedAt: Instant,
  version: Version,
});
export type Template = z.infer<typeof Template>;

/** `PATCH /v1/templates/:id`: the fields to change and the revision they were made from. */
export const UpdateTemplate = z.object({
  revision: z.number().int().positive(),
  title: TemplateInput.shape.title.optional(),
  body: TemplateInput.shape.body.optional(),
  scope: TemplateScope.optional(),
  // Without their defaults: a field left out of a patch stays as it is.
  folder: TemplateInput.shape.folder.unwrap().optional(),
  shortcut: TemplateInput.shape.shortcut.unwrap().optional(),
});
export type UpdateTemplate = z.infer<typeof UpdateTemplate>;
