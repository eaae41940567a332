import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { inProcessNotifier, type Notifier } from '../live/notifier';
import { openNotifier, type PubSub } from '../live/pubsub';
import * as schema from './schema';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath: code never needs to know. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  notifier: Notifier;
  close(): Promise<void>;
};

/**
 * `dataDir: null` keeps PGlite in memory (tests); a `url` selects Postgres, whose
 * instances hear each other through `pubsub` (LISTEN/NOTIFY unless told otherwise).
 */
export type DatabaseConfig = { url: string; pubsub?: PubSub } | { dataDir: string | null };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export function databaseConfig(env: {
  DATABASE_URL?: string;
  DATA_DIR: string;
  PUBSUB: PubSub;
}): DatabaseConfig {
  return env.DATABASE_URL
    ? { url: env.DATABASE_URL, pubsub: env.PUBSUB }
    : { dataDir: join(env.DATA_DIR, 'pglite') };
}

/** Opens the database and applies every pending migration before returning it. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ('url' in config) return openPostgres(config.url, config.pubsub ?? { kind: 'postgres' });
  return openPglite(config.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return wrapPglite(dataDir ? new PGlite(dataDir) : new PGlite());
}

/** Wraps a PGlite instance the caller made (tests load a migrated dump: much faster). */
export async function wrapPglite(client: PGlite): Promise<Database> {
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder });
  const notifier = inProcessNotifier();
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    notifier,
    close: async () => {
      await notifier.close();
      await client.close();
    },
  };
}

async function openPostgres(url: string, pubsub: PubSub): Promise<Database> {
  const sql = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 5 });
  const db = drizzlePostgres({ client: sql, schema });
  await migratePostgres(db, { migrationsFolder });
  const notifier = await openNotifier(pubsub, sql, url).catch(async (e) => {
    await sql.end({ timeout: 5 });
    throw e;
  });
  return {
    kind: 'postgres',
    db: db as unknown as Db,
    notifier,
    close: async () => {
      await notifier.close();
      await sql.end({ timeout: 5 });
    },
  };
}
