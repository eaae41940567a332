import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { rateLimits } from '../db/schema';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The fixed window `now` falls in: its start and the whole seconds until it ends. */
export function windowAt(now: Date) {
  const start = Math.floor(now.getTime() / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS;
  const secondsLeft = Math.max(1, Math.ceil((start + RATE_LIMIT_WINDOW_MS - now.getTime()) / 1000));
  return { start: new Date(start), secondsLeft };
}

/** Counts one request of `key` in the window; one statement, so instances racing never lose one. */
export async function countRequest(db: Db, key: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  return row!.count;
}

/** Drops the windows that ended before the one `now` falls in. */
export async function deleteEndedWindows(db: Db, now: Date) {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, windowAt(now).start));
}
