import { sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { workspaces } from '../db/schema';

/**
 * How far a restore moves every workspace's version on: beyond any version the server
 * could have given out between the backup and the restore.
 */
export const RESTORE_GAP = 1_000_000_000;

/**
 * After a restore the clients' cursors name versions of a history that is gone: the
 * lost versions would be given out again with other changes. Moving the version on, and
 * `min_cursor` with it, makes every older cursor a `reset`, so each extension bootstraps
 * the restored data once (and keeps its outbox, whose mutations it then pushes again).
 */
export async function fenceRestoredVersions(database: Database) {
  await database.db.update(workspaces).set({
    version: sql`${workspaces.version} + ${RESTORE_GAP}`,
    minCursor: sql`${workspaces.version} + ${RESTORE_GAP}`,
  });
}
