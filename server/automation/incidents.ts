import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Conversation, Incident, IncidentMonitor } from '../../lib/schema';
import type { Tx } from '../db/open';
import { conversations, incidentMonitors, incidents } from '../db/schema';
import { toIncident, toMonitor } from './incident-records';

type Subject = Pick<Conversation, 'id' | 'tags' | 'subject'>;

/**
 * A monitor the conversation matched. `incident` is the open incident it joined or opened
 * (`opened` tells which), or null while the monitor's window holds fewer matches than its
 * threshold.
 */
export type IncidentMatch = {
  monitor: IncidentMonitor;
  incident: Incident | null;
  opened: boolean;
};

/** By any of the monitor's tags (without case) or a keyword inside the subject. */
export function monitorMatches(
  monitor: IncidentMonitor,
  c: Pick<Conversation, 'tags' | 'subject'>,
) {
  const tags = new Set(monitor.tags.map((t) => t.toLowerCase()));
  const subject = c.subject.toLowerCase();
  return (
    c.tags.some((t) => tags.has(t.toLowerCase())) ||
    monitor.keywords.some((k) => subject.includes(k.toLowerCase()))
  );
}

/**
 * Spike detection for one conversation, one entry per enabled monitor it matches (none:
 * nothing matched). An open incident of the monitor takes the conversation in; otherwise,
 * once the window holds `threshold` matches, this one included, an incident opens holding
 * them all. The caller holds the workspace lock and writes the events.
 */
export async function matchIncident(
  tx: Tx,
  workspaceId: string,
  conversation: Subject,
  now: Date,
): Promise<IncidentMatch[]> {
  const monitors = await tx
    .select()
    .from(incidentMonitors)
    .where(
      and(
        eq(incidentMonitors.workspaceId, workspaceId),
        eq(incidentMonitors.enabled, true),
        isNull(incidentMonitors.deletedAt),
      ),
    )
    .orderBy(asc(incidentMonitors.name), asc(incidentMonitors.id));
  const matches: IncidentMatch[] = [];
  for (const monitor of monitors.map(toMonitor)) {
    if (monitorMatches(monitor, conversation))
      matches.push(await matchMonitor(tx, workspaceId, monitor, conversation, now));
  }
  return matches;
}

async function matchMonitor(
  tx: Tx,
  workspaceId: string,
  monitor: IncidentMonitor,
  conversation: Subject,
  now: Date,
): Promise<IncidentMatch> {
  const joined = await joinOpen(tx, monitor.id, conversation.id);
  if (joined) return { monitor, incident: joined, opened: false };
  const since = new Date(now.getTime() - monitor.windowMinutes * 60_000);
  const recent = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        isNull(conversations.deletedAt),
        gte(conversations.createdAt, since),
        matchingSql(monitor),
      ),
    )
    .orderBy(asc(conversations.createdAt), asc(conversations.id));
  const ids = [...new Set([...recent.map((r) => r.id), conversation.id])];
  if (ids.length < monitor.threshold) return { monitor, incident: null, opened: false };
  const [row] = await tx
    .insert(incidents)
    .values({
      id: randomUUID(),
      workspaceId,
      monitorId: monitor.id,
      name: monitor.name,
      openedAt: now,
      conversationIds: ids,
      teamId: monitor.teamId,
      templateId: monitor.templateId,
    })
    // incidents_open_monitor: an arrival that did not wait for the lock opened it first.
    .onConflictDoNothing()
    .returning();
  if (row) return { monitor, incident: toIncident(row), opened: true };
  return { monitor, incident: await joinOpen(tx, monitor.id, conversation.id), opened: false };
}

/** Adds the conversation (once) to the monitor's open incident, if there is one. */
async function joinOpen(tx: Tx, monitorId: string, conversationId: string) {
  const one = sql`jsonb_build_array(${conversationId}::text)`;
  const [row] = await tx
    .update(incidents)
    .set({
      conversationIds: sql`case when ${incidents.conversationIds} @> ${one}
        then ${incidents.conversationIds} else ${incidents.conversationIds} || ${one} end`,
    })
    .where(and(eq(incidents.monitorId, monitorId), isNull(incidents.resolvedAt)))
    .returning();
  return row ? toIncident(row) : null;
}

/** `monitorMatches` in SQL, over the conversations table. */
function matchingSql(monitor: IncidentMonitor): SQL | undefined {
  const tests: SQL[] = monitor.keywords.map(
    (k) => sql`position(${k.toLowerCase()} in lower(${conversations.subject})) > 0`,
  );
  if (monitor.tags.length) {
    const tags = sql.join(
      monitor.tags.map((t) => sql`${t.toLowerCase()}`),
      sql`, `,
    );
    tests.push(
      sql`exists (select 1 from jsonb_array_elements_text(${conversations.tags}) t where lower(t) in (${tags}))`,
    );
  }
  return or(...tests);
}
