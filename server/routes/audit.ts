import { Hono } from 'hono';
import { AuditQuery } from '../../lib/schema';
import { auditPage } from '../domain/audit';
import type { AppEnv, Deps } from '../http/context';
import { query } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

/** The audit log of admin actions (docs/data-care.md#audit-log): admins read it, newest first. */
export function auditRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .use(memberAuth(deps), requireRole('admin'))
    .get('/', query(AuditQuery), async (c) =>
      c.json(await auditPage(deps.database.db, c.var.member.workspaceId, c.req.valid('query'))),
    );
}
