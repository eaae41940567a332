import { useQuery } from '@tanstack/react-query';
import { shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import { CopilotSettings, type UpdateCopilotSettings } from '../../../lib/schema';
import { useOptimistic } from '../common/use-optimistic';

/** The copilot's provider settings; read from the API only (the cache keeps none). */
export const copilotKey = ['options', 'copilot'] as const;
const PATH = '/v1/copilot/settings';

export const useCopilotSettings = () =>
  useQuery({
    queryKey: copilotKey,
    queryFn: () => relay('GET', PATH, CopilotSettings),
    retry: shouldRetry,
  });

export const useSaveCopilotSettings = () =>
  useOptimistic({
    key: copilotKey,
    run: (patch: UpdateCopilotSettings) => relay('PATCH', PATH, CopilotSettings, patch),
    optimistic: (settings: CopilotSettings | undefined, patch: UpdateCopilotSettings) => {
      if (!settings) return settings;
      const { apiKey, ...rest } = patch;
      return {
        ...settings,
        ...rest,
        keySet: apiKey === undefined ? settings.keySet : apiKey !== null,
      };
    },
  });
