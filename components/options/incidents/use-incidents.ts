import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { MonitorFields } from '../../../lib/options/incidents/monitor-draft';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import { Incident, IncidentMonitor } from '../../../lib/schema/automation';
import { optionsKeys } from '../common/query-keys';
import { useOptimistic } from '../common/use-optimistic';

const monitorsKey = optionsKeys.incidentMonitors;
const openKey = optionsKeys.openIncidents;

/** Monitors and incidents live on the API only: nothing is cached for offline. */
export const useMonitors = () =>
  useQuery({
    queryKey: monitorsKey,
    queryFn: () => relay('GET', '/v1/incidents/monitors', z.array(IncidentMonitor)),
    retry: shouldRetry,
  });

export const useOpenIncidents = () =>
  useQuery({
    queryKey: openKey,
    queryFn: () => relay('GET', '/v1/incidents?state=open', z.array(Incident)),
    retry: shouldRetry,
  });

const put = (list: IncidentMonitor[] | undefined, m: IncidentMonitor) =>
  list?.some((x) => x.id === m.id)
    ? list.map((x) => (x.id === m.id ? m : x))
    : [...(list ?? []), m];

/** Creates (id null) or changes a monitor, and shows the API's answer in the list at once. */
export function useSaveMonitor(id: string | null) {
  const client = useQueryClient();
  return useOptimistic({
    key: monitorsKey,
    run: (fields: MonitorFields) =>
      id === null
        ? relay('POST', '/v1/incidents/monitors', IncidentMonitor, fields)
        : relay('PATCH', `/v1/incidents/monitors/${id}`, IncidentMonitor, fields),
    onSuccess: (m) => client.setQueryData<IncidentMonitor[]>(monitorsKey, (list) => put(list, m)),
  });
}

export const useDeleteMonitor = (id: string) =>
  useOptimistic({
    key: monitorsKey,
    run: () => relay('DELETE', `/v1/incidents/monitors/${id}`, z.unknown()),
  });

/** Gone from the open list at once; back if the API refuses. */
export const useResolveIncident = () =>
  useOptimistic({
    key: openKey,
    run: (id: string) => relay('POST', `/v1/incidents/${id}/resolve`, Incident),
    optimistic: (list: Incident[] | undefined, id: string) => list?.filter((i) => i.id !== id),
  });
