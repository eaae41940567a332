import { z } from 'zod';
import { DEFAULT_ROUTING, TeamRouting } from './automation';
import { Id } from './common';

const TeamName = z.string().trim().min(1).max(80);
const MemberIds = z
  .array(Id)
  .max(1000)
  .transform((ids) => [...new Set(ids)]);

/** A named group of members (Billing, Backend): team templates belong to one. */
export const Team = z.object({
  id: Id,
  name: TeamName,
  memberIds: z.array(Id),
  routing: TeamRouting.default(DEFAULT_ROUTING),
});
export type Team = z.infer<typeof Team>;

export const CreateTeam = z.object({ name: TeamName, memberIds: MemberIds.default([]) });
export const UpdateTeam = z.object({ name: TeamName });
export const SetTeamMembers = z.object({ memberIds: MemberIds });
