import { count, eq, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/open';
import * as t from '../db/schema';
import { ApiFailure } from '../http/errors';
import { insertAudit } from './audit';
import { lockWorkspace, publish } from './write';

/**
 * Every table holding a workspace's rows, children before the rows they reference.
 * server/domain/workspace-deletion.test.ts fails when a table with a workspace_id is missing.
 */
const TABLES = [
  t.mutationResults,
  t.clients,
  t.liveTickets,
  t.presence,
  t.presenceLocks,
  t.automationJobs,
  t.incidents,
  t.incidentMonitors,
  t.rules,
  t.weeklyReviewSends,
  t.goals,
  t.surveyKeys,
  t.surveys,
  t.reportRollupState,
  t.reportRollups,
  t.reportSamples,
  t.slaWebhookDeliveries,
  t.slaAlerts,
  t.slaPolicies,
  t.slaCalendars,
  t.events,
  t.templateVersions,
  t.templates,
  t.teams,
  t.tags,
  t.notes,
  t.conversations,
  t.invites,
  t.members,
  t.auditLog,
] as const satisfies (PgTable & { workspaceId: unknown })[];

export const WORKSPACE_TABLES: readonly PgTable[] = TABLES;

/**
 * Deletes the workspace and every row of it in one transaction, under its lock so no
 * write interleaves. Its members' tokens fail on their next request (the member is gone)
 * and their sockets close. What remains is one audit entry saying who deleted it and
 * how many rows went: no names, no content.
 */
export async function deleteWorkspace(
  database: Database,
  workspaceId: string,
  actorId: string,
  confirm: string,
  now: Date,
) {
  const { deleted, memberIds, version } = await database.db.transaction(async (tx) => {
    const version = await lockWorkspace(tx, workspaceId);
    const [ws] = await tx.select().from(t.workspaces).where(eq(t.workspaces.id, workspaceId));
    if (ws?.name !== confirm)
      throw new ApiFailure(400, 'invalid_body', 'confirm must be the workspace name, exactly', [
        { path: 'confirm', message: 'not the workspace name' },
      ]);
    const memberIds = (
      await tx
        .select({ id: t.members.id })
        .from(t.members)
        .where(eq(t.members.workspaceId, workspaceId))
    ).map((m) => m.id);
    const deleted: Record<string, number> = {};
    // Team memberships go with their teams (ON DELETE CASCADE).
    for (const table of TABLES) {
      const mine = eq(table.workspaceId, workspaceId);
      const [rows] = await tx.select({ n: count() }).from(table).where(mine);
      await tx.delete(table).where(mine);
      if (rows?.n) deleted[getTableName(table)] = rows.n;
    }
    await tx.delete(t.workspaces).where(eq(t.workspaces.id, workspaceId));
    await insertAudit(
      tx,
      workspaceId,
      { actorId, action: 'workspace.delete', target: workspaceId, summary: { deleted } },
      now,
    );
    return { deleted, memberIds, version };
  });
  await publish(database, { workspaceId, version, deactivated: memberIds });
  return { workspaceId, deleted };
}
