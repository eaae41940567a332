import type { Team } from '../../schema';

/** The teams one may escalate to from `team`: any other, but not one whose tiers lead back. */
export function escalationChoices(team: Team, teams: readonly Team[]): Team[] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const leadsBack = (start: Team) => {
    const seen = new Set<string>();
    for (
      let t: Team | undefined = start;
      t && !seen.has(t.id);
      t = byId.get(t.routing.escalatesTo ?? '')
    ) {
      if (t.id === team.id) return true;
      seen.add(t.id);
    }
    return false;
  };
  return teams.filter((t) => t.id !== team.id && !leadsBack(t));
}
