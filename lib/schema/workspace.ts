import { z } from 'zod';
import { Email, Id, Instant, Role, Version } from './common';
import { TagName } from './conversation-fields';

export const Workspace = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  version: Version,
  createdAt: Instant,
});
export type Workspace = z.infer<typeof Workspace>;

export const MemberStatus = z.enum(['active', 'deactivated']);
export const Availability = z.enum(['available', 'away']);

export const Member = z.object({
  id: Id,
  email: Email,
  name: z.string().min(1).max(120),
  role: Role,
  status: MemberStatus,
  availability: Availability,
  /** Max open conversations routing may give this member; null = no limit. */
  capacity: z.number().int().positive().max(10_000).nullable(),
  /** Tags this member can answer (skills-based routing); defaults for older records. */
  skills: z.array(TagName).max(50).default([]),
  /** Their working hours, as an SLA calendar; null: always. */
  calendarId: Id.nullable().default(null),
  version: Version,
});
export type Member = z.infer<typeof Member>;

export const Invite = z.object({
  id: Id,
  email: Email,
  role: Role,
  createdAt: Instant,
  expiresAt: Instant,
  acceptedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type Invite = z.infer<typeof Invite>;

const Mailboxes = z
  .array(Email)
  .max(50)
  .transform((list) => [...new Set(list)]);
const RetentionDays = z.number().int().min(30).max(36_500).nullable();

/** `GET /v1/workspace/settings`: what every member may read. */
export const WorkspaceSettings = z.object({
  name: Workspace.shape.name,
  /** The shared addresses the workspace covers. */
  mailboxes: z.array(Email),
  /** Closed conversations older than this may be purged; null = kept. */
  retentionDays: RetentionDays,
  /** The copilot provider; filled by the copilot issue, null until then. */
  copilot: z.null(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export const UpdateWorkspaceSettings = z
  .object({
    name: z.string().trim().min(1).max(120),
    mailboxes: Mailboxes,
    retentionDays: RetentionDays,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

/** `POST /v1/members/:id/deactivate`: their open conversations go to `reassignTo`, or the queue. */
export const DeactivateMember = z.object({ reassignTo: Id.nullable() });
