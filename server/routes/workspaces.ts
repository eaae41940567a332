import { Hono } from 'hono';
import { CreateWorkspace } from '../../lib/schema';
import { createWorkspace, sessionFor } from '../domain/workspaces';
import type { AppEnv, Deps } from '../http/context';
import { body } from '../http/validate';
import { identityAuth } from '../middleware/auth';

export function workspaceRoutes(deps: Deps) {
  const { db } = deps.database;
  return new Hono<AppEnv>().post('/', identityAuth(deps), body(CreateWorkspace), async (c) => {
    const { email, name } = c.var.identity;
    const { member } = await createWorkspace(
      db,
      c.req.valid('json').name,
      { email, name, role: 'admin' },
      deps.now(),
    );
    return c.json(await sessionFor(db, deps.tokens, member.id), 201);
  });
}
