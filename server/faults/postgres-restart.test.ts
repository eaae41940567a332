import { describe, expect, it } from 'vitest';
import { startNodeApi } from '../../bench/load-api';
import { freshDatabase } from '../../bench/load-database';
import { seedWorkspace } from '../../bench/load-setup';
import { eventually } from '../../lib/testing/sync-client';
import { addNotes, counts, settled, stopAll, type Writer, writers } from './note-writers';
import { privatePostgres, privatePostgresUnavailable } from './private-postgres';

const skipped = process.env.DATABASE_URL ? privatePostgresUnavailable() : 'DATABASE_URL is not set';
if (skipped) console.info(`Fault test Postgres restart skipped: ${skipped}.`);

const total = (clients: Writer[]) => clients.reduce((sum, c) => sum + c.sent.length, 0);

describe.skipIf(skipped !== null)('Postgres restarted during a run', () => {
  it('clients recover by themselves: every note stored once, every cache complete', async () => {
    const cluster = await privatePostgres();
    const database = await freshDatabase(cluster.url);
    const api = await startNodeApi(database.url);
    const workspace = await seedWorkspace(api.url, 'Faults', 3, 3);
    const clients = await writers(api.url, workspace.agents);
    try {
      let stop = false;
      const writing = addNotes(clients, workspace.conversationIds, () => stop);
      await eventually(
        async () => clients.every((c) => c.network.acknowledged.length >= 2),
        15_000,
      );
      await cluster.restart();
      const afterRestart = total(clients);
      await eventually(async () => total(clients) >= afterRestart + 20, 15_000);
      stop = true;
      await writing;
      // No reconnect is asked of anyone: failed pushes retry, the API's pool reconnects.
      await settled(clients, 30_000);

      const c = await counts(database.sql, clients);
      console.info(
        `Postgres restart: sent ${c.sent} (${c.resent} pushed again), acknowledged ${c.acknowledged} (${c.acknowledgedByPull} by a pull), stored ${c.storedNotes} notes / ${c.noteEvents} events / ${c.okResults} ok results (most events for one note: ${c.mostEventsPerNote})`,
      );
      expect(c.acknowledged).toBe(c.sent);
      expect(c.storedNotes).toBe(c.sent);
      expect(c.noteEvents).toBe(c.sent);
      expect(c.mostEventsPerNote).toBe(1);
      expect(c).toMatchObject({ results: c.sent, okResults: c.sent });
    } finally {
      stopAll(clients);
      await api.close();
      await database.drop();
      await cluster.stop();
    }
  }, 120_000);
});
