import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context';

/** Readiness: the database answers (load balancers that should drop an instance cut off from it). */
export function healthRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    await deps.database.db.execute(sql`select 1`);
    return c.json({ ok: true, database: deps.database.kind });
  });
}

/**
 * Liveness: the process answers, and nothing else is touched. The bare route the load
 * benchmark measures beside the real ones.
 */
export function livenessRoutes() {
  return new Hono<AppEnv>().get('/', (c) => c.json({ ok: true }));
}
