import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database, Db } from '../db/open';
import * as schema from '../db/schema';
import type { Notifier } from '../live/notifier';

/**
 * A Postgres client for one request (a worker cannot reuse a socket across requests).
 * A few connections, since a route may query beside an open transaction; fetch_types off
 * saves a round trip per connection (the schema has no custom array types).
 */
export function workerDatabase(url: string, notifier: Notifier, max = 4): Database {
  const sql = postgres(url, { max, onnotice: () => {}, connect_timeout: 5, fetch_types: false });
  return {
    kind: 'postgres',
    db: drizzle({ client: sql, schema }) as unknown as Db,
    notifier,
    close: () => sql.end({ timeout: 5 }),
  };
}
