import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { send, subscribeChanges } from '../../../lib/messaging';
import type { Listed } from '../../../lib/options/list';
import { isOffline, shouldRetry } from '../../../lib/options/problems';
import { relay } from '../../../lib/options/relay';
import type { ChangeNotice } from '../../../lib/schema/messages';

type CachedList = 'listTags' | 'listMembers' | 'listSlaCalendars' | 'listSlaPolicies';
const TABLE: Record<CachedList, ChangeNotice['tables'][number]> = {
  listTags: 'tags',
  listMembers: 'members',
  listSlaCalendars: 'sla',
  listSlaPolicies: 'sla',
};

/**
 * A list from the API, or from the extension's cache when the API cannot be reached
 * (`offline`: the page shows it read-only). Refetched when the cache hears of a change,
 * so another admin's edit shows without a reload.
 */
export function useListed<S extends z.ZodType<unknown[]>>(
  key: readonly string[],
  path: string,
  schema: S,
  cached: CachedList,
) {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribeChanges((notice) => {
        if (notice.tables.includes(TABLE[cached])) void client.invalidateQueries({ queryKey: key });
      }),
    [client, key, cached],
  );
  return useQuery({
    queryKey: key,
    retry: shouldRetry,
    queryFn: async (): Promise<Listed<z.infer<S>[number]>> => {
      try {
        return { items: await relay('GET', path, schema), offline: false };
      } catch (e) {
        if (!isOffline(e)) throw e;
        const items = (await send({ type: cached })) as z.infer<S>[number][];
        return { items, offline: true };
      }
    },
  });
}
