import { pglite, postgresAt, type TestDatabase } from '../server/testing/databases';

/** PGlite always; Postgres when DATABASE_URL is set (each bench gets its own database). */
export function benchDatabases(): TestDatabase[] {
  const url = process.env.DATABASE_URL;
  if (!url) console.log('DATABASE_URL is unset: the Postgres benchmarks are skipped.');
  return url ? [pglite, postgresAt(url)] : [pglite];
}
