import { Hono } from 'hono';
import { BootstrapQuery, PullRequest, PushRequest } from '../../lib/schema';
import type { AppEnv, Deps } from '../http/context';
import { body, query } from '../http/validate';
import { memberAuth } from '../middleware/auth';
import { bootstrap } from '../sync/bootstrap';
import { pull } from '../sync/pull';
import { push } from '../sync/push';

export function syncRoutes(deps: Deps) {
  const { database } = deps;
  // Mounted at /v1 itself: a `use()` here would guard every /v1 route, so each route says it.
  const member = memberAuth(deps);
  return new Hono<AppEnv>()
    .get('/bootstrap', member, query(BootstrapQuery), async (c) => {
      const { page, limit, protocol } = c.req.valid('query');
      return c.json(await bootstrap(database.db, c.var.member, page, limit, protocol));
    })
    .post('/pull', member, body(PullRequest), async (c) =>
      c.json(await pull(database.db, c.var.member, c.req.valid('json'))),
    )
    .post('/push', member, body(PushRequest), async (c) =>
      c.json(await push(database, c.var.member, c.req.valid('json'), deps.now)),
    );
}
