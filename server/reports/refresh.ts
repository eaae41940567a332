import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { timelineOf } from '../../lib/metrics/timeline';
import type { Db, Tx } from '../db/open';
import {
  conversations,
  reportRollupState,
  reportRollups,
  reportSamples,
  workspaces,
} from '../db/schema';
import { selectRows } from '../db/select-rows';
import { toConversation } from '../domain/records';
import { factsFor, type ReportContext, reportContext } from './context';
import { sampleRows, validUntil } from './sample-rows';
import { BATCH, metricEvents } from './scan';

/** The SLA setup the samples depend on, as one digest: policies, calendars, team addresses. */
async function setupDigest(ctx: ReportContext): Promise<string> {
  const plain = JSON.stringify(ctx.setup, (_key, value) =>
    value instanceof Map
      ? [...value.entries()].sort()
      : value instanceof Set
        ? [...value].sort()
        : value,
  );
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(plain));
  return Buffer.from(digest).toString('hex');
}

async function staleIds(
  tx: Tx,
  workspaceId: string,
  since: number | null,
  now: Date,
): Promise<string[]> {
  if (since === null) {
    const rows = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.workspaceId, workspaceId));
    return rows.map((r) => r.id);
  }
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`
    select id from conversations where workspace_id = ${workspaceId} and version > ${since}
    union
    select conversation_id from events
      where workspace_id = ${workspaceId} and version > ${since} and conversation_id is not null
    union
    select conversation_id from report_rollups
      where workspace_id = ${workspaceId} and valid_until <= ${now.toISOString()}::timestamptz`,
  );
  return rows.map((r) => r.id);
}

async function recompute(
  tx: Tx,
  ctx: ReportContext,
  workspaceId: string,
  ids: string[],
  now: Date,
) {
  const rows = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), inArray(conversations.id, ids)));
  const events = await metricEvents(tx, workspaceId, ids);
  const business: ReportContext | null = ctx.defaultCalendar ? { ...ctx, clock: 'business' } : null;
  const samples = [];
  const rollups = [];
  for (const row of rows) {
    if (row.deletedAt) continue;
    const conversation = toConversation(row);
    const own = events.get(row.id) ?? [];
    const facts = factsFor(ctx, conversation, own, now);
    for (const r of sampleRows(facts, business && factsFor(business, conversation, own, now)))
      samples.push({
        c: r.conversationId,
        m: r.metric,
        s: r.seq,
        a: r.arrivalAt,
        t: r.at,
        e: r.endAt,
        cm: r.calendarMs,
        bm: r.businessMs,
        v: r.value,
        g: r.agentId,
        i: r.eventIds,
      });
    const later = timelineOf(own).map((m) => m.at);
    rollups.push({
      c: row.id,
      u: validUntil(facts, conversation.snoozedUntil, later, now.getTime()),
    });
  }
  const mine = (table: typeof reportSamples | typeof reportRollups): SQL =>
    and(eq(table.workspaceId, workspaceId), inArray(table.conversationId, ids))!;
  await tx.delete(reportSamples).where(mine(reportSamples));
  await tx.delete(reportRollups).where(mine(reportRollups));
  // One JSON parameter per batch: binding thousands of parameters costs more than the rows.
  await tx.execute(sql`
    insert into report_samples (workspace_id, conversation_id, metric, seq, arrival_at, at,
      end_at, calendar_ms, business_ms, value, agent_id, event_ids)
    select ${workspaceId}, x.c, x.m, x.s, x.a, x.t, x.e, x.cm, x.bm, x.v, x.g, x.i
    from jsonb_to_recordset(${JSON.stringify(samples)}::jsonb) as x(c text, m text, s int,
      a timestamptz, t timestamptz, e timestamptz, cm bigint, bm bigint, v text, g uuid, i jsonb)`);
  await tx.execute(sql`
    insert into report_rollups (workspace_id, conversation_id, valid_until, computed_at)
    select ${workspaceId}, x.c, x.u, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rollups)}::jsonb) as x(c text, u timestamptz)`);
}

/**
 * Brings a workspace's report samples up to date before a report reads them: the
 * conversations written since the last refresh (their row or an event of theirs has a
 * later version), those whose facts expire by now (a clock fell due, a snooze ended), or
 * every one when the SLA setup changed. One refresher per workspace at a time (the state
 * row is locked); returns how many conversations were computed again.
 */
export async function refreshRollups(db: Db, workspaceId: string, now: Date): Promise<number> {
  const ctx = await reportContext(db, workspaceId, { clock: 'calendar' });
  const setup = await setupDigest(ctx);
  return db.transaction(async (tx) => {
    await tx
      .insert(reportRollupState)
      .values({ workspaceId, version: 0, setup: '', refreshedAt: now })
      .onConflictDoNothing();
    const [state] = await tx
      .select()
      .from(reportRollupState)
      .where(eq(reportRollupState.workspaceId, workspaceId))
      .for('update');
    const [workspace] = await tx
      .select({ version: workspaces.version })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    const since = state && state.setup === setup ? state.version : null;
    const ids = await staleIds(tx, workspaceId, since, now);
    for (let i = 0; i < ids.length; i += BATCH)
      await recompute(tx, ctx, workspaceId, ids.slice(i, i + BATCH), now);
    await tx
      .update(reportRollupState)
      .set({ version: workspace?.version ?? 0, setup, refreshedAt: now })
      .where(eq(reportRollupState.workspaceId, workspaceId));
    return ids.length;
  });
}
