/**
 * Databases for API tests: PGlite always, and Postgres too when DATABASE_URL is set.
 *
 *   for (const target of testDatabases()) describe(`pull [${target.name}]`, () => { … });
 *
 * Every `open()` gives a fresh, migrated database of its own (PGlite loaded from a dump, or a new
 * Postgres database `sidedesk_t_<random>` dropped again by `close()`), so parallel test
 * files and leftovers of older runs never meet. DATABASE_URL set but Postgres silent is a
 * failure, never a skip.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { type Database, openDatabase, wrapPglite } from '../db/open';

/** `url` is set for Postgres, so a test can open more connections to the same database. */
export type TestDatabase = {
  name: 'pglite' | 'postgres';
  open(): Promise<Database & { url?: string }>;
};

let template: Promise<Blob> | undefined;

/**
 * Starting PGlite runs initdb and the migrations: seconds. Loading a dump of an already
 * migrated one takes under one, so the dump is made once per migration set and kept in
 * the OS temp folder for every later test file and run.
 */
function migratedDump(): Promise<Blob> {
  template ??= (async () => {
    const folder = fileURLToPath(new URL('../db/migrations', import.meta.url));
    const pgliteDist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const hash = createHash('sha256').update(readFileSync(join(pgliteDist, '..', 'package.json')));
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(folder, file);
      if (statSync(path).isFile()) hash.update(file).update(readFileSync(path));
    }
    const cached = join(tmpdir(), `sidedesk-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
    if (existsSync(cached)) return new Blob([readFileSync(cached)]);
    const client = new PGlite();
    await wrapPglite(client);
    const dump = await client.dumpDataDir('none');
    await client.close();
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, cached);
    return dump;
  })();
  return template;
}

export const pglite: TestDatabase = {
  name: 'pglite',
  open: async () => wrapPglite(await PGlite.create({ loadDataDir: await migratedDump() })),
};

export function postgresAt(url: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
      const name = `sidedesk_t_${randomBytes(6).toString('hex')}`;
      try {
        await admin.unsafe(`create database ${name}`);
      } catch (e) {
        await admin.end();
        throw new Error(
          `DATABASE_URL is set (${url}) but Postgres does not answer: ${(e as Error).message}`,
        );
      }
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      const database = await openDatabase({ url: dbUrl.toString() });
      return {
        ...database,
        url: dbUrl.toString(),
        close: async () => {
          await database.close();
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        },
      };
    },
  };
}

export function testDatabases(): TestDatabase[] {
  const url = process.env.DATABASE_URL;
  if (url) return [pglite, postgresAt(url)];
  announceSkippedPostgres();
  return [pglite];
}

/** Test files run in separate workers; a marker named after the runner says it once. */
function announceSkippedPostgres() {
  try {
    writeFileSync(join(tmpdir(), `sidedesk-postgres-skipped-${process.ppid}`), '', { flag: 'wx' });
  } catch {
    return;
  }
  console.info('Postgres suite skipped: DATABASE_URL is not set (PGlite only).');
}
