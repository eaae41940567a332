import { describe, expect, it } from 'vitest';
import { startNodeApi } from '../../bench/load-api';
import { freshDatabase } from '../../bench/load-database';
import { seedWorkspace } from '../../bench/load-setup';
import { eventually } from '../../lib/testing/sync-client';
import { failoverProxy } from './failover-proxy';
import { addNotes, counts, settled, stopAll, type Writer, writers } from './note-writers';

const url = process.env.DATABASE_URL;
if (!url) console.info('Fault test kill -9 mid-push skipped: DATABASE_URL is not set.');

const total = (clients: Writer[]) => clients.reduce((sum, c) => sum + c.sent.length, 0);

describe.skipIf(!url)('an API instance killed (kill -9) mid-push', () => {
  it('clients retry against the other instance: nothing lost, nothing applied twice', async () => {
    const database = await freshDatabase(url!);
    const [a, b] = await Promise.all([startNodeApi(database.url), startNodeApi(database.url)]);
    // Connections go to A while it lives, then to B: a load balancer failing over.
    const proxy = await failoverProxy([a.url, b.url]);
    const workspace = await seedWorkspace(proxy.url, 'Faults', 4, 3);
    const clients = await writers(proxy.url, workspace.agents);
    try {
      let stop = false;
      const writing = addNotes(clients, workspace.conversationIds, () => stop);
      await eventually(
        async () => clients.every((c) => c.network.acknowledged.length >= 2),
        15_000,
      );
      // The moment some push is out and unanswered.
      await eventually(
        async () => clients.some((c) => c.network.pushedIds.length > c.network.acknowledged.length),
        5000,
      );
      await a.kill();
      const atKill = total(clients);
      await eventually(async () => total(clients) >= atKill + 20, 15_000);
      stop = true;
      await writing;
      await settled(clients, 20_000);

      const c = await counts(database.sql, clients);
      console.info(
        `kill -9 mid-push: sent ${c.sent} (${c.resent} pushed again), acknowledged ${c.acknowledged} (${c.acknowledgedByPull} by a pull), stored ${c.storedNotes} notes / ${c.noteEvents} events / ${c.okResults} ok results (most events for one note: ${c.mostEventsPerNote})`,
      );
      expect(c.acknowledged).toBe(c.sent);
      expect(c.storedNotes).toBe(c.sent);
      expect(c.noteEvents).toBe(c.sent);
      expect(c.mostEventsPerNote).toBe(1);
      expect(c).toMatchObject({ results: c.sent, okResults: c.sent });
    } finally {
      stopAll(clients);
      await proxy.close();
      await Promise.all([a.close(), b.close()]);
      await database.drop();
    }
  }, 90_000);
});
