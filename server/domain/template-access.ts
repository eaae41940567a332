import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Role, TemplateScope } from '../../lib/schema';
import type { Db, Tx } from '../db/open';
import { teamMembers, templates } from '../db/schema';
import type { CurrentMember } from '../http/context';

/** Who may write a template of each scope (DESIGN.md §4). */
export const WRITERS: Record<TemplateScope, Role[]> = {
  personal: ['agent', 'lead', 'admin'],
  team: ['lead', 'admin'],
  workspace: ['admin'],
};

export function mayWriteTemplate(
  me: Pick<CurrentMember, 'id' | 'role'>,
  scope: TemplateScope,
  ownerId: string,
) {
  if (scope === 'personal') return ownerId === me.id;
  return WRITERS[scope].includes(me.role);
}

/** A member as template visibility sees them: their role and the teams they belong to. */
export type TemplateViewer = { id: string; role: Role; teamIds: ReadonlySet<string> };

export async function templateViewer(
  db: Db | Tx,
  member: Pick<CurrentMember, 'id' | 'role'>,
): Promise<TemplateViewer> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.memberId, member.id));
  return { id: member.id, role: member.role, teamIds: new Set(rows.map((r) => r.teamId)) };
}

/**
 * Personal templates are their owner's alone; a team template of a named team is seen by
 * that team's members and by every lead and admin; the rest by everyone.
 */
export function canSeeTemplate(
  v: TemplateViewer,
  t: { scope: TemplateScope; ownerId: string; teamId: string | null },
) {
  if (t.scope === 'personal') return t.ownerId === v.id;
  if (t.scope === 'workspace' || t.teamId === null || v.role !== 'agent') return true;
  return v.teamIds.has(t.teamId);
}

/** `canSeeTemplate` as a condition on the templates table. */
export function visibleTemplates(member: Pick<CurrentMember, 'id' | 'role'>): SQL {
  const inMyTeam = sql`exists (select 1 from ${teamMembers} where ${teamMembers.teamId} = ${templates.teamId} and ${teamMembers.memberId} = ${member.id})`;
  return or(
    eq(templates.scope, 'workspace'),
    and(eq(templates.scope, 'personal'), eq(templates.ownerId, member.id)),
    and(
      eq(templates.scope, 'team'),
      member.role === 'agent' ? or(isNull(templates.teamId), inMyTeam) : undefined,
    ),
  )!;
}
