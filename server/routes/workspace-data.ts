import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { DeleteWorkspace } from '../../lib/schema';
import { insertAudit } from '../domain/audit';
import { deleteWorkspace } from '../domain/workspace-deletion';
import { exportJson } from '../domain/workspace-export';
import type { AppEnv, Deps } from '../http/context';
import { body } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

/**
 * A workspace's data as a whole (docs/data-care.md): its export, for a data subject's
 * request or a move, and its deletion. Admins only. Mounted at /v1/workspace beside the
 * settings, so each route names its own guard.
 */
export function workspaceDataRoutes(deps: Deps) {
  const { database } = deps;
  const member = memberAuth(deps);
  const admin = requireRole('admin');
  return new Hono<AppEnv>()
    .get('/export', member, admin, async (c) => {
      const me = c.var.member;
      const now = deps.now();
      // Recorded before the first byte: an export that breaks off was still made.
      await insertAudit(
        database.db,
        me.workspaceId,
        { actorId: me.id, action: 'workspace.export', target: null, summary: {} },
        now,
      );
      c.header('content-type', 'application/json; charset=utf-8');
      c.header(
        'content-disposition',
        `attachment; filename="sidedesk-export-${now.toISOString().slice(0, 10)}.json"`,
      );
      return stream(c, async (out) => {
        for await (const piece of exportJson(database.db, me.workspaceId, now))
          await out.write(piece);
      });
    })
    .delete('/', member, admin, body(DeleteWorkspace), async (c) => {
      const me = c.var.member;
      const { confirm } = c.req.valid('json');
      return c.json(await deleteWorkspace(database, me.workspaceId, me.id, confirm, deps.now()));
    });
}
