import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, wrapPglite } from '../db/open';
import { workspaces } from '../db/schema';
import { pglite, testDatabases } from '../testing/databases';
import { backupEmbedded, restoreEmbedded } from './embedded';
import { fenceRestoredVersions, RESTORE_GAP } from './fence';
import { backupPostgres, restorePostgres } from './postgres';

const folder = mkdtempSync(join(tmpdir(), 'sidedesk-backup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const addWorkspace = async (database: Database, name: string) => {
  const id = randomUUID();
  await database.db.insert(workspaces).values({ id, name, version: 7, createdAt: new Date() });
  return id;
};
const names = async (database: Database) =>
  (await database.db.select().from(workspaces).orderBy(asc(workspaces.name))).map((w) => w.name);

describe('backup and restore of the embedded database', () => {
  it('brings back the rows of the backup, refusing to overwrite without --force', async () => {
    const dataDir = join(folder, 'pglite');
    const seed = join(folder, 'seed.tar');
    // A plain tar: quicker to write and read than the gzipped default, and just as good.
    const file = join(folder, 'embedded.tar');
    // A migrated database from the tests' cached dump: far faster than initdb on disk.
    const memory = await pglite.open();
    await addWorkspace(memory, 'Kept');
    const client = (memory.db as unknown as { $client: PGlite }).$client;
    writeFileSync(seed, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    await memory.close();
    expect(await restoreEmbedded(dataDir, seed, false)).toBeNull();
    await backupEmbedded(dataDir, file);

    await expect(restoreEmbedded(dataDir, file, false)).rejects.toThrow(/--force/);
    // With --force the database in place is moved aside (a wipe, undone by hand if need be).
    const replaced = await restoreEmbedded(dataDir, file, true);
    expect(replaced).toContain('pglite.replaced-');
    expect(readdirSync(replaced!).length).toBeGreaterThan(0);
    const database = await wrapPglite(await PGlite.create(dataDir));
    try {
      expect(await names(database)).toEqual(['Kept']);
      await fenceRestoredVersions(database);
      const [ws] = await database.db.select().from(workspaces);
      // Every cursor a client held is now older than min_cursor: it resets.
      expect(ws).toMatchObject({ version: 7 + RESTORE_GAP, minCursor: 7 + RESTORE_GAP });
    } finally {
      await database.close();
    }
  }, 60_000);
});

for (const target of testDatabases().filter((t) => t.name === 'postgres')) {
  describe('backup and restore of Postgres (pg_dump, pg_restore)', () => {
    it('brings back the rows of the backup', async () => {
      const database = await target.open();
      try {
        const file = join(folder, 'postgres.dump');
        await addWorkspace(database, 'Kept');
        await backupPostgres(database.url!, file);
        await addWorkspace(database, 'After the backup');
        await database.db.delete(workspaces).where(eq(workspaces.name, 'Kept'));
        await restorePostgres(database.url!, file);
        expect(await names(database)).toEqual(['Kept']);
      } finally {
        await database.close();
      }
    });
  });
}
