import { describe, it } from 'vitest';
import { startNodeApi } from '../../bench/load-api';
import { freshDatabase } from '../../bench/load-database';
import { seedWorkspace } from '../../bench/load-setup';
import { eventually } from '../../lib/testing/sync-client';
import { failoverProxy } from './failover-proxy';
import { stopAll, writers, writeThrough } from './note-writers';

const url = process.env.DATABASE_URL;
if (!url) console.info('Fault test kill -9 mid-push skipped: DATABASE_URL is not set.');

describe.skipIf(!url)('an API instance killed (kill -9) mid-push', () => {
  it('clients retry against the other instance: nothing lost, nothing applied twice', async () => {
    const database = await freshDatabase(url!);
    const [a, b] = await Promise.all([startNodeApi(database.url), startNodeApi(database.url)]);
    // Connections go to A while it lives, then to B: a load balancer failing over.
    const proxy = await failoverProxy([a.url, b.url]);
    const workspace = await seedWorkspace(proxy.url, 'Faults', 4, 3);
    const clients = await writers(proxy.url, workspace.agents);
    try {
      await writeThrough(
        'kill -9 mid-push',
        database.sql,
        clients,
        workspace.conversationIds,
        async () => {
          // The moment some push is out and unanswered.
          await eventually(
            async () =>
              clients.some((c) => c.network.pushedIds.length > c.network.acknowledged.length),
            5000,
          );
          await a.kill();
        },
        20_000,
      );
    } finally {
      stopAll(clients);
      await proxy.close();
      await Promise.all([a.close(), b.close()]);
      await database.drop();
    }
  }, 90_000);
});
