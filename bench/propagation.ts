import { fork } from 'node:child_process';
import { conversationIdFor } from '../lib/conversation-id';
import type { Priority } from '../lib/schema';
import { syncClient } from '../lib/testing/sync-client';
import type { TestDatabase } from '../server/testing/databases';
import { meta } from '../server/testing/fixtures';
import { apiProcess } from './api-process';
import { percentile } from './stats';

const RUNS = 200;

type FromChild =
  | { type: 'ready' }
  | { type: 'created' }
  | { type: 'landed'; priority: Priority; at: number };

/**
 * From one real sync client's mutate() to the change landing in another client's Dexie
 * cache: push, commit, poke over the WebSocket (carrying the changes), write. Each
 * client runs the extension's own engine (fake-indexeddb) in a process of its own, as
 * two agents' browsers do, against the API in a third; times are on the wall clock.
 */
export async function benchPropagation(database: TestDatabase) {
  const server = await apiProcess(database.name, ['ana@acme.test', 'bo@acme.test']);
  const receiver = fork('bench/client-child.ts', [], { execArgv: ['--import', 'tsx'] });
  const next = (type: FromChild['type']) =>
    new Promise<FromChild>((resolve) => {
      const listener = (message: FromChild) => {
        if (message.type !== type) return;
        receiver.off('message', listener);
        resolve(message);
      };
      receiver.on('message', listener);
    });
  try {
    const [ana, bo] = server.sessions;
    const a = await syncClient(server.url, ana!);
    const ready = next('ready');
    receiver.send({ type: 'start', url: server.url, session: bo });
    await ready;
    const m = meta();
    const id = await conversationIdFor(m.key);
    const created = next('created');
    receiver.send({ type: 'watch', conversationId: id });
    await a.engine.mutate('conversation.upsert', { meta: m });
    await created;

    const priorities: Priority[] = ['high', 'low'];
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const priority = priorities[i % 2]!;
      const landed = next('landed');
      const start = performance.timeOrigin + performance.now();
      await a.engine.mutate('conversation.setPriority', { conversationId: id, priority });
      const message = await landed;
      if (message.type !== 'landed' || message.priority !== priority)
        throw new Error(`expected ${priority} to land, got ${JSON.stringify(message)}`);
      ms.push(message.at - start);
      await a.engine.idle();
    }
    a.engine.stop();
    return { database: database.name, p50: percentile(ms, 50), p95: percentile(ms, 95) };
  } finally {
    receiver.send({ type: 'stop' });
    await server.stop();
  }
}
