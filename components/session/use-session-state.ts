import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { send, subscribeChanges } from '../../lib/messaging';

export const SESSION_KEY = ['session'] as const;

/** The background's session and sync state, refreshed whenever the background says so. */
export function useSessionState() {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribeChanges((notice) => {
        if (notice.tables.includes('session') || notice.tables.includes('sync')) {
          void client.invalidateQueries({ queryKey: SESSION_KEY });
        }
      }),
    [client],
  );
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => send({ type: 'getState' }) });
}
