import { describe, it } from 'vitest';
import { startNodeApi } from '../../bench/load-api';
import { freshDatabase } from '../../bench/load-database';
import { seedWorkspace } from '../../bench/load-setup';
import { stopAll, writers, writeThrough } from './note-writers';
import { privatePostgres, privatePostgresUnavailable } from './private-postgres';

const skipped = process.env.DATABASE_URL ? privatePostgresUnavailable() : 'DATABASE_URL is not set';
if (skipped) console.info(`Fault test Postgres restart skipped: ${skipped}.`);

describe.skipIf(skipped !== null)('Postgres restarted during a run', () => {
  it('clients recover by themselves: every note stored once, every cache complete', async () => {
    const cluster = await privatePostgres();
    const database = await freshDatabase(cluster.url);
    const api = await startNodeApi(database.url);
    const workspace = await seedWorkspace(api.url, 'Faults', 3, 3);
    const clients = await writers(api.url, workspace.agents);
    try {
      // No reconnect is asked of anyone: failed pushes retry, the API's pool reconnects.
      await writeThrough(
        'Postgres restart',
        database.sql,
        clients,
        workspace.conversationIds,
        async () => void (await cluster.restart()),
        30_000,
      );
    } finally {
      stopAll(clients);
      await api.close();
      await database.drop();
      await cluster.stop();
    }
  }, 120_000);
});
