import { useMemo } from 'react';
import type { Names } from '../../../lib/options/automations/rule-summary';
import { useMembers } from '../members/use-members';
import { useCalendars } from '../sla/use-calendars';
import { usePolicies } from '../sla/use-policies';
import { useTags } from '../tags/use-tags';
import { useTeams } from '../teams/use-teams';

const byId = (items: readonly { id: string; name: string }[]) =>
  new Map(items.map((i) => [i.id, i.name]));

/** What rules point at (members, teams, policies, calendars, tags), for pickers and words. */
export function useRuleRefs() {
  const members = useMembers().data?.items;
  const teams = useTeams().data;
  const policies = usePolicies().data?.items;
  const calendars = useCalendars().data?.items;
  const tags = useTags().data?.items;
  return useMemo(() => {
    const refs = {
      members: (members ?? []).filter((m) => m.status === 'active'),
      teams: teams ?? [],
      policies: policies ?? [],
      calendars: calendars ?? [],
      tags: (tags ?? []).filter((t) => !t.archived).map((t) => t.name),
    };
    const names: Names = {
      member: byId(members ?? []),
      team: byId(refs.teams),
      policy: byId(refs.policies),
      calendar: byId(refs.calendars),
    };
    return { ...refs, names };
  }, [members, teams, policies, calendars, tags]);
}

export type RuleRefs = ReturnType<typeof useRuleRefs>;
