import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './open';

/**
 * The rows of a raw SELECT: postgres.js answers an array of rows, PGlite `{ rows }`.
 * Types are the caller's word: numbers may arrive as strings (bigint, numeric), so read
 * them with Number().
 */
export async function selectRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
