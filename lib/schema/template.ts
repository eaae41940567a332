import { z } from 'zod';
import { Id, Instant, Version } from './common';
import { TagName } from './conversation';

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
  /** Names of the tags the template suits. */
  tags: z.array(TagName).max(20).default([]),
  /** How the copilot may adapt the template to a conversation. */
  instruction: z.string().trim().max(2000).nullable().default(null),
  /** The team a team-scoped template belongs to; null = every team. */
  teamId: Id.nullable().default(null),
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
  tags: TemplateInput.shape.tags.unwrap().optional(),
  instruction: TemplateInput.shape.instruction.unwrap().optional(),
  teamId: TemplateInput.shape.teamId.unwrap().optional(),
});
export type UpdateTemplate = z.infer<typeof UpdateTemplate>;

/** A template's content at one revision: what a restore brings back. */
export const TemplateContent = TemplateInput;
export type TemplateContent = z.infer<typeof TemplateContent>;

export const TemplateVersion = z.object({
  templateId: Id,
  revision: z.number().int().positive(),
  content: TemplateContent,
  authorId: Id.nullable(),
  at: Instant,
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

/**
 * `POST /v1/templates/:id/restore`: bring back `revision`'s content as a new revision;
 * `fromRevision`, when given, is the revision the restorer saw (stale → 409).
 */
export const RestoreTemplate = z.object({
  revision: z.number().int().positive(),
  fromRevision: z.number().int().positive().optional(),
});

const MemberUsage = z.object({
  memberId: Id.nullable(),
  count: z.number().int().nonnegative(),
  lastUsedAt: Instant,
});
export const TemplateUsage = z.object({
  count: z.number().int().nonnegative(),
  lastUsedAt: Instant.nullable(),
  byMember: z.array(MemberUsage),
});
export type TemplateUsage = z.infer<typeof TemplateUsage>;

/** The file `GET /v1/templates/export` writes and `POST /v1/templates/import` reads. */
export const TemplateExport = z.object({
  version: z.literal(1),
  templates: z.array(TemplateInput).max(5000),
});
export type TemplateExport = z.infer<typeof TemplateExport>;

export const ImportedTemplates = z.object({ templates: z.array(Template) });
