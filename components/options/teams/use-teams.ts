import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import { Team, type TeamRouting } from '../../../lib/schema';
import { optionsKeys } from '../common/query-keys';
import { useOptimistic } from '../common/use-optimistic';

/** Teams are REST records, not synced: the cache has none to fall back on. */
export const useTeams = () =>
  useQuery({
    queryKey: optionsKeys.teams,
    queryFn: () => relay('GET', '/v1/teams', z.array(Team)),
    retry: shouldRetry,
  });

const patchTeam = (teams: Team[] | undefined, id: string, patch: Partial<Team>) =>
  teams?.map((t) => (t.id === id ? { ...t, ...patch } : t));

export const useCreateTeam = () =>
  useOptimistic({
    key: optionsKeys.teams,
    run: (name: string) => relay('POST', '/v1/teams', Team, { name, memberIds: [] }),
  });

export const useRenameTeam = (id: string) =>
  useOptimistic({
    key: optionsKeys.teams,
    run: (name: string) => relay('PATCH', `/v1/teams/${id}`, Team, { name }),
    optimistic: (teams: Team[] | undefined, name: string) => patchTeam(teams, id, { name }),
  });

export const useSetTeamMembers = (id: string) =>
  useOptimistic({
    key: optionsKeys.teams,
    run: (memberIds: string[]) => relay('PUT', `/v1/teams/${id}/members`, Team, { memberIds }),
    optimistic: (teams: Team[] | undefined, memberIds: string[]) =>
      patchTeam(teams, id, { memberIds }),
  });

/** Not optimistic: a team with templates is refused (409) and the dialog shows why. */
export const useDeleteTeam = (id: string) =>
  useOptimistic({
    key: optionsKeys.teams,
    run: () => relay('DELETE', `/v1/teams/${id}`, z.null()),
  });

export const useSetTeamRouting = (id: string) =>
  useOptimistic({
    key: optionsKeys.teams,
    run: (routing: TeamRouting) => relay('PATCH', `/v1/teams/${id}/routing`, Team, routing),
    optimistic: (teams: Team[] | undefined, routing: TeamRouting) =>
      patchTeam(teams, id, { routing }),
  });
