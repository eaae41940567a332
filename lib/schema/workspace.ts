import { z } from 'zod';
import { Email, Id, Instant, Role, Version } from './common';

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
