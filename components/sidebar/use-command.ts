import { useEffect, useRef } from 'react';
import type { CommandRequest } from './types';

/** Calls `onCommand` once for each new request of the command `name`. */
export function useCommand(
  request: CommandRequest | null,
  name: CommandRequest['name'],
  onCommand: () => void,
) {
  const handled = useRef(request?.seq ?? 0);
  const latest = useRef(onCommand);
  latest.current = onCommand;
  useEffect(() => {
    if (!request || request.name !== name || request.seq === handled.current) return;
    handled.current = request.seq;
    latest.current();
  }, [request, name]);
}
