import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { UpdateWorkspaceSettings } from '../../lib/schema';
import type { Db, Tx } from '../db/open';
import { workspaces } from '../db/schema';
import { toSettings } from '../domain/records';
import { markOpenForSlaCheck } from '../domain/sla-setup';
import { write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { notFound } from '../http/errors';
import { body } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

/** The workspace's settings: every member reads them, admins change them. */
export function settingsRoutes(deps: Deps) {
  const { database } = deps;
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/settings', async (c) =>
      c.json(toSettings(await workspaceRow(database.db, c.var.member.workspaceId))),
    )
    .patch('/settings', requireRole('admin'), body(UpdateWorkspaceSettings), async (c) => {
      const patch = c.req.valid('json');
      const me = c.var.member;
      const settings = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await workspaceRow(w.tx, w.workspaceId);
        const [after] = await w.tx
          .update(workspaces)
          .set({
            ...patch,
            // The name is part of the synced workspace record: clients pull the change.
            ...(patch.name !== undefined && { recordVersion: w.version }),
          })
          .where(eq(workspaces.id, w.workspaceId))
          .returning();
        // Shared mailboxes tell replies from customer mail and can be policy conditions.
        if (patch.mailboxes) await markOpenForSlaCheck(w);
        await w.event({
          type: 'workspace.settings',
          before: toSettings(before),
          after: toSettings(after!),
        });
        return toSettings(after!);
      });
      return c.json(settings);
    });
}

async function workspaceRow(db: Db | Tx, id: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  if (!row) throw notFound('workspace');
  return row;
}
