import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/open';
import { incidentMonitors, rules } from '../db/schema';
import type { NewJob } from './jobs';

/**
 * The jobs worth queuing: those some enabled rule or monitor listens for, and every
 * escalation (it always routes). A workspace without automations queues nothing.
 */
export async function wantedJobs(tx: Tx, workspaceId: string, jobs: readonly NewJob[]) {
  if (!jobs.length) return [];
  const [[row]] = await Promise.all([
    tx
      .select({
        triggers: sql<string[]>`coalesce((select array_agg(distinct ${rules.triggerType})
          from ${rules} where ${rules.workspaceId} = ${workspaceId} and ${rules.enabled}
          and ${rules.deletedAt} is null), '{}')`,
        monitors: sql<boolean>`exists (select 1 from ${incidentMonitors}
          where ${and(eq(incidentMonitors.workspaceId, workspaceId), eq(incidentMonitors.enabled, true), isNull(incidentMonitors.deletedAt))})`,
      })
      .from(sql`(select 1) as one`),
  ]);
  const wanted = new Set<string>(['escalated', ...(row?.triggers ?? [])]);
  if (wanted.has('no_reply')) wanted.add('message.received');
  if (row?.monitors) {
    wanted.add('conversation.created');
    wanted.add('tag.added');
  }
  return jobs.filter((job) => wanted.has(job.kind));
}
