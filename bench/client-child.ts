/**
 * The receiving sync client in a process of its own, as another agent's browser is:
 * started by bench/propagation.ts over IPC. It reports, on the shared wall clock, when a
 * watched conversation's priority lands in its Dexie cache.
 */
import type { Priority } from '../lib/schema';
import { syncClient } from '../lib/testing/sync-client';
import type { TestSession } from '../server/testing/test-server';

type FromParent =
  | { type: 'start'; url: string; session: TestSession }
  | { type: 'watch'; conversationId: string }
  | { type: 'stop' };

const send = (message: unknown) => process.send?.(message);
const wallClock = () => performance.timeOrigin + performance.now();
let client: Awaited<ReturnType<typeof syncClient>> | undefined;
let watched: string | null = null;

process.on('message', async (message: FromParent) => {
  if (message.type === 'start') {
    client = await syncClient(message.url, message.session);
    client.db.conversations.hook('creating', (key) => {
      if (key === watched) send({ type: 'created' });
    });
    client.db.conversations.hook('updating', (mods, key) => {
      const priority = (mods as { priority?: Priority }).priority;
      if (key === watched && priority) send({ type: 'landed', priority, at: wallClock() });
    });
    send({ type: 'ready' });
  } else if (message.type === 'watch') {
    watched = message.conversationId;
    if (await client?.db.conversations.get(watched)) send({ type: 'created' });
  } else {
    client?.engine.stop();
    process.exit(0);
  }
});
