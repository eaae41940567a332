import { useQuery } from '@tanstack/react-query';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import type { SettingsDraft } from '../../../lib/options/settings/settings';
import { WorkspaceSettings } from '../../../lib/schema';
import { optionsKeys } from '../common/query-keys';
import { useOptimistic } from '../common/use-optimistic';

/** Read from the API only: the cache keeps the workspace's name, not its settings. */
export const useSettings = () =>
  useQuery({
    queryKey: optionsKeys.settings,
    queryFn: () => relay('GET', '/v1/workspace/settings', WorkspaceSettings),
    retry: shouldRetry,
  });

export const useSaveSettings = () =>
  useOptimistic({
    key: optionsKeys.settings,
    run: (patch: Partial<SettingsDraft>) =>
      relay('PATCH', '/v1/workspace/settings', WorkspaceSettings, patch),
    optimistic: (settings: WorkspaceSettings | undefined, patch: Partial<SettingsDraft>) =>
      settings && { ...settings, ...patch },
  });
