/**
 * Databases for API tests: PGlite always, and Postgres too when DATABASE_URL is set.
 *
 *   for (const target of testDatabases()) describe(`pull [${target.name}]`, () => { … });
 *
 * Every `open()` gives a fresh, migrated database of its own (PGlite loaded from a dump, or a new
 * Postgres database `sidedesk_t_<random>`, copied from a migrated `sidedesk_template_<hash>`
 * and dropped again by `close()`), so parallel test
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

/** The API under workerd: `workerUrl` is the `wrangler dev` serving every database of DATABASE_URL. */
export type WorkerTarget = {
  name: 'worker';
  workerUrl: string;
  open(): Promise<Database & { url?: string }>;
};

export type TestTarget = TestDatabase | WorkerTarget;

let template: Promise<Blob> | undefined;

/** A fingerprint of the migrations (and `more`): a copy migrated by another set is never reused. */
function migrationsHash(...more: Buffer[]): string {
  const folder = fileURLToPath(new URL('../db/migrations', import.meta.url));
  const hash = createHash('sha256');
  for (const extra of more) hash.update(extra);
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(folder, file);
    if (statSync(path).isFile()) hash.update(file).update(readFileSync(path));
  }
  return hash.digest('hex');
}

/**
 * Starting PGlite runs initdb and the migrations: seconds. Loading a dump of an already
 * migrated one takes under one, so the dump is made once per migration set and kept in
 * the OS temp folder for every later test file and run.
 */
function migratedDump(): Promise<Blob> {
  template ??= (async () => {
    const pgliteDist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const version = readFileSync(join(pgliteDist, '..', 'package.json'));
    const cached = join(tmpdir(), `sidedesk-pglite-${migrationsHash(version).slice(0, 16)}.tar`);
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

const postgresTemplates = new Map<string, Promise<string>>();

/**
 * Likewise on Postgres: migrating a new database takes a second or more, copying a migrated
 * one (CREATE DATABASE … TEMPLATE) a fraction of it. The template is made once per migration
 * set, under an advisory lock so that parallel test files make it once, and kept.
 */
function migratedTemplate(admin: postgres.Sql, url: string): Promise<string> {
  const made = postgresTemplates.get(url) ?? makeTemplate(admin, url);
  postgresTemplates.set(url, made);
  return made;
}

async function makeTemplate(admin: postgres.Sql, url: string): Promise<string> {
  const name = `sidedesk_template_${migrationsHash().slice(0, 12)}`;
  await admin`select pg_advisory_lock(hashtext(${name}))`;
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${name}`;
    if (found) return name;
    const partial = `${name}_partial`;
    await admin.unsafe(`drop database if exists ${partial}`);
    await admin.unsafe(`create database ${partial}`);
    const partialUrl = new URL(url);
    partialUrl.pathname = `/${partial}`;
    await (await openDatabase({ url: partialUrl.toString(), pubsub: { kind: 'memory' } })).close();
    await admin.unsafe(`alter database ${partial} rename to ${name}`);
    return name;
  } finally {
    await admin`select pg_advisory_unlock(hashtext(${name}))`;
  }
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
        await admin.unsafe(
          `create database ${name} template ${await migratedTemplate(admin, url)}`,
        );
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

/**
 * The API under workerd (server/testing/worker-setup.ts starts it once per run) on a fresh
 * Postgres database of its own; the test process writes fixtures to the same database.
 */
export function workerAt(workerUrl: string, databaseUrl: string): WorkerTarget {
  return { name: 'worker', workerUrl, open: postgresAt(databaseUrl).open };
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
