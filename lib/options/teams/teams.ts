import { type Member, type Team, UpdateTeam } from '../../schema';

/** Why `name` cannot name a team (or be the new name of `exceptId`), or null. */
export function teamNameProblem(
  name: string,
  teams: readonly Team[],
  exceptId?: string,
): string | null {
  const parsed = UpdateTeam.shape.name.safeParse(name);
  if (!parsed.success) return 'A name of 1 to 80 characters';
  const taken = teams.some((t) => t.id !== exceptId && t.name === parsed.data);
  return taken ? `A team named "${parsed.data}" exists` : null;
}

/**
 * The members a team's picker lists for `query` (name or email): active members, plus
 * deactivated ones still in the team so they can be removed.
 */
export function memberCandidates(
  members: readonly Member[],
  selected: ReadonlySet<string>,
  query: string,
): Member[] {
  const q = query.trim().toLowerCase();
  return members
    .filter((m) => m.status === 'active' || selected.has(m.id))
    .filter((m) => !q || m.name.toLowerCase().includes(q) || m.email.includes(q))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function toggled(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(id)) next.add(id);
  return next;
}

export const sameMembers = (a: ReadonlySet<string>, b: readonly string[]) =>
  a.size === new Set(b).size && b.every((id) => a.has(id));

/** The names of a team's members, for its summary line; unknown ids are left out. */
export function memberNames(team: Team, members: readonly Member[]): string[] {
  const byId = new Map(members.map((m) => [m.id, m.name]));
  return team.memberIds.flatMap((id) => byId.get(id) ?? []).sort((a, b) => a.localeCompare(b));
}
