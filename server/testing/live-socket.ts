import type { LiveServerMessage } from '../../lib/schema';

/** Opens `/v1/live` with a ticket and collects what the server sends. */
export async function openLiveSocket(wsUrl: string, ticket: string) {
  const socket = new WebSocket(`${wsUrl}/v1/live?ticket=${encodeURIComponent(ticket)}`);
  const seen: LiveServerMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.addEventListener('message', (e) => {
    seen.push(JSON.parse(String(e.data)));
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', () => reject(new Error('the live socket was refused')));
  });
  return {
    socket,
    seen,
    /** Resolves with the first message (already seen or still to come) that matches. */
    async next(match: (m: LiveServerMessage) => boolean): Promise<LiveServerMessage> {
      for (;;) {
        const found = seen.find(match);
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}
