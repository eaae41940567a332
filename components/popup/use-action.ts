import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionState } from '../../lib/schema/messages';
import { SESSION_KEY } from '../session/use-session-state';

/** A popup action whose answer is the new session state. */
export function useSessionAction<A>(run: (args: A) => Promise<SessionState>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (state) => client.setQueryData(SESSION_KEY, state),
  });
}
