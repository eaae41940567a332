import { conversationIdFor } from '../lib/conversation-id';
import type { Priority } from '../lib/schema';
import { eventually, syncClient } from '../lib/testing/sync-client';
import type { TestDatabase } from '../server/testing/databases';
import { meta } from '../server/testing/fixtures';
import { apiProcess } from './api-process';
import { percentile } from './stats';

const RUNS = 200;

/**
 * From one real sync client's mutate() to the change landing in another client's Dexie
 * cache: push, commit, poke over the WebSocket (carrying the changes), write. Both clients run the
 * extension's own engine (fake-indexeddb) against the API in its own process on a real
 * port, as deployed.
 */
export async function benchPropagation(database: TestDatabase) {
  const server = await apiProcess(database.name, ['ana@acme.test', 'bo@acme.test']);
  try {
    const [ana, bo] = server.sessions;
    const a = await syncClient(server.url, ana!);
    const b = await syncClient(server.url, bo!);
    const m = meta();
    await a.engine.mutate('conversation.upsert', { meta: m });
    const id = await conversationIdFor(m.key);
    await eventually(async () => await b.db.conversations.get(id));

    let waiting: { priority: Priority; resolve: () => void } | null = null;
    b.db.conversations.hook('updating', (mods, key) => {
      const priority = (mods as { priority?: Priority }).priority;
      if (key === id && waiting && priority === waiting.priority) waiting.resolve();
    });
    const priorities: Priority[] = ['high', 'low'];
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const priority = priorities[i % 2]!;
      const landed = new Promise<void>((resolve) => {
        waiting = { priority, resolve };
      });
      const start = performance.now();
      await a.engine.mutate('conversation.setPriority', { conversationId: id, priority });
      await landed;
      ms.push(performance.now() - start);
      waiting = null;
      await b.engine.idle();
    }
    a.engine.stop();
    b.engine.stop();
    return { database: database.name, p50: percentile(ms, 50), p95: percentile(ms, 95) };
  } finally {
    await server.stop();
  }
}
