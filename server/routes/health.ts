import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context';

export function healthRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    await deps.database.db.execute(sql`select 1`);
    return c.json({ ok: true, database: deps.database.kind });
  });
}
