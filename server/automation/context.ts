import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Rule } from '../../lib/schema';
import type { Tx } from '../db/open';
import { incidents, members, rules, tags, teams, workspaces } from '../db/schema';
import { toRule } from './rule-records';

/**
 * What a job's actions read of the workspace beyond its SLA setup (which has the policies),
 * in one round trip under the lock.
 */
export async function loadActionWorkspace(tx: Tx, workspaceId: string) {
  const [memberRows, teamRows, tagRows, [workspace]] = await Promise.all([
    tx
      .select({ id: members.id, name: members.name, role: members.role, status: members.status })
      .from(members)
      .where(eq(members.workspaceId, workspaceId)),
    tx
      .select({ id: teams.id, name: teams.name, routing: teams.routing })
      .from(teams)
      .where(eq(teams.workspaceId, workspaceId)),
    tx
      .select({ name: tags.name })
      .from(tags)
      .where(and(eq(tags.workspaceId, workspaceId), isNull(tags.deletedAt))),
    tx
      .select({ webhook: workspaces.slaWebhook })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId)),
  ]);
  return {
    members: new Map(
      memberRows.map((m) => [m.id, { name: m.name, role: m.role, active: m.status === 'active' }]),
    ),
    teams: new Map(teamRows.map((t) => [t.id, { name: t.name, routing: t.routing }])),
    tags: new Set(tagRows.map((t) => t.name)),
    webhookOn: Boolean(workspace?.webhook?.url),
  };
}

/** The live, enabled rules of a trigger, in evaluation order. */
export async function rulesOf(tx: Tx, workspaceId: string, triggerType: string): Promise<Rule[]> {
  const rows = await tx
    .select()
    .from(rules)
    .where(
      and(
        eq(rules.workspaceId, workspaceId),
        eq(rules.triggerType, triggerType),
        eq(rules.enabled, true),
        isNull(rules.deletedAt),
      ),
    )
    .orderBy(asc(rules.position), asc(rules.id));
  return rows.map(toRule);
}

/** The open incidents that already hold the conversation. */
export async function incidentsHolding(tx: Tx, workspaceId: string, conversationId: string) {
  const rows = await tx
    .select({ id: incidents.id })
    .from(incidents)
    .where(
      and(
        eq(incidents.workspaceId, workspaceId),
        isNull(incidents.resolvedAt),
        sql`${incidents.conversationIds} @> jsonb_build_array(${conversationId}::text)`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}
