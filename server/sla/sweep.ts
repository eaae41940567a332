import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Conversation, SlaAlertEvent, SlaSweepResult, SlaWebhook } from '../../lib/schema';
import { enqueue, type NewJob } from '../automation/jobs';
import { runAutomations } from '../automation/run';
import { wantedJobs } from '../automation/wanted';
import type { Database, Db, Tx } from '../db/open';
import { conversations, slaAlerts, slaWebhookDeliveries, workspaces } from '../db/schema';
import { toConversation } from '../domain/records';
import { loadSlaSetup, loggedSlaEvents } from '../domain/sla-setup';
import {
  type AlertPoint,
  nextCheckAt,
  type SlaSnapshot,
  sameSla,
  slaSnapshot,
} from '../domain/sla-snapshot';
import { bumpVersion, eventWriter, lockWorkspace, publish } from '../domain/write';
import { deliverDue, newDelivery } from './deliveries';
import type { WebhookConfig } from './webhook';

export type SweepLimits = {
  /** Conversations per transaction: each batch holds the workspace lock briefly. */
  batchSize: number;
  /** Batches per workspace and call; what is left waits for the next sweep. */
  maxBatches: number;
};
export const SWEEP_LIMITS: SweepLimits = { batchSize: 500, maxBatches: 100 };

/** Alert rows per INSERT: well under Postgres' 65535 parameters. */
const ALERT_CHUNK = 1000;

export type SweepOptions = {
  now: Date;
  webhook: WebhookConfig;
  /** One workspace (an admin's sweep); all of them when absent (the scheduler's). */
  workspaceId?: string;
  limits?: SweepLimits;
};

/**
 * Looks again at every conversation whose SLA is due a look (a warning or breach time
 * passed, or a policy changed): records each warning and breach once, updates the
 * snapshot, queues a webhook delivery per breach, then sends the deliveries due.
 */
export async function sweepSla(database: Database, options: SweepOptions): Promise<SlaSweepResult> {
  const { now, webhook, workspaceId, limits = SWEEP_LIMITS } = options;
  const ids = workspaceId ? [workspaceId] : await dueWorkspaces(database.db, now);
  let conversations = 0;
  let alerts = 0;
  for (const id of ids) {
    const swept = await sweepWorkspace(database, id, now, limits);
    conversations += swept.conversations;
    alerts += swept.alerts;
  }
  // Rules on warnings and breaches (and jobs a crash left behind) run before the
  // deliveries go out, so a rule's webhook call leaves in this sweep.
  const automations = await runAutomations(database, { now, workspaceId });
  return {
    conversations,
    alerts,
    automations,
    deliveries: await deliverDue(database.db, webhook, now, workspaceId),
  };
}

async function dueWorkspaces(db: Db, now: Date) {
  const rows = await db
    .selectDistinct({ id: conversations.workspaceId })
    .from(conversations)
    .where(and(lte(conversations.slaCheckAt, now), isNull(conversations.deletedAt)));
  return rows.map((r) => r.id);
}

/** One workspace's due conversations, a batch per transaction; each batch is poked. */
export async function sweepWorkspace(
  database: Database,
  workspaceId: string,
  now: Date,
  limits: SweepLimits = SWEEP_LIMITS,
) {
  let conversations = 0;
  let alerts = 0;
  for (let i = 0; i < limits.maxBatches; i++) {
    const batch = await database.db.transaction((tx) =>
      sweepBatch(tx, workspaceId, now, limits.batchSize),
    );
    if (batch.version !== null) await publish(database, { workspaceId, version: batch.version });
    conversations += batch.conversations;
    alerts += batch.alerts;
    if (batch.conversations < limits.batchSize) break;
  }
  return { conversations, alerts };
}

type Evaluated = { conversation: Conversation; snapshot: SlaSnapshot };
type Alert = { conversation: Conversation; policyId: string; point: AlertPoint };

/**
 * Under the workspace lock, like every writer: a second sweep waits here and then finds
 * the conversations already moved on. The alerts' primary key is the backstop: an alert
 * is recorded, and so announced, only by the insert that created it.
 */
async function sweepBatch(tx: Tx, workspaceId: string, now: Date, size: number) {
  const head = await lockWorkspace(tx, workspaceId);
  const rows = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        isNull(conversations.deletedAt),
        lte(conversations.slaCheckAt, now),
      ),
    )
    .orderBy(asc(conversations.slaCheckAt))
    .limit(size);
  if (!rows.length) return { conversations: 0, alerts: 0, version: null };
  const [setup, logged, [workspace]] = await Promise.all([
    loadSlaSetup(tx, workspaceId),
    loggedSlaEvents(
      tx,
      workspaceId,
      rows.map((r) => r.id),
    ),
    tx
      .select({ webhook: workspaces.slaWebhook })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId)),
  ]);
  const evaluated: Evaluated[] = rows.map((row) => {
    const conversation = toConversation(row);
    return {
      conversation,
      snapshot: slaSnapshot(conversation, logged.get(row.id) ?? [], setup, now),
    };
  });
  const alerts = await recordAlerts(tx, workspaceId, now, evaluated);
  const alerted = new Set(alerts.map((a) => a.conversation.id));
  const changed = (e: Evaluated) =>
    alerted.has(e.conversation.id) ||
    e.conversation.dueAt !== e.snapshot.dueAt ||
    !sameSla(e.conversation.sla, e.snapshot.sla);
  const version = evaluated.some(changed) ? head + 1 : null;
  if (version !== null && (await bumpVersion(tx, workspaceId)) !== version)
    throw new Error(`version written under the lock of ${head} is not ${version}`);

  const writes: Promise<unknown>[] = evaluated.map((e) => {
    const slaCheckAt = nextCheckAt(e.snapshot.points, now, true);
    const where = and(
      eq(conversations.workspaceId, workspaceId),
      eq(conversations.id, e.conversation.id),
    );
    // The synced fields change only with a new version; the check time is plumbing.
    const set =
      version !== null && changed(e)
        ? { sla: e.snapshot.sla, dueAt: dateOrNull(e.snapshot.dueAt), version, slaCheckAt }
        : { slaCheckAt };
    return tx.update(conversations).set(set).where(where).execute();
  });
  if (version !== null) {
    const event = eventWriter(tx, workspaceId, version, null, now);
    writes.push(...alerts.map((a) => event(alertEvent(a))));
    const jobs = await wantedJobs(
      tx,
      workspaceId,
      alerts.map((a) => alertJob(a, now)),
    );
    writes.push(enqueue(tx, workspaceId, jobs, now));
    const breaches = alerts.filter((a) => a.point.kind === 'breach');
    if (breaches.length && isOn(workspace?.webhook))
      writes.push(
        tx
          .insert(slaWebhookDeliveries)
          .values(breaches.map((a) => breachDelivery(workspaceId, now, a)))
          .execute(),
      );
  }
  await Promise.all(writes);
  return { conversations: rows.length, alerts: alerts.length, version };
}

/** The reached points' alerts, keeping only those this insert created. */
async function recordAlerts(
  tx: Tx,
  workspaceId: string,
  now: Date,
  evaluated: Evaluated[],
): Promise<Alert[]> {
  const wanted = evaluated.flatMap(({ conversation, snapshot: { sla, points } }) =>
    sla === null
      ? []
      : points
          .filter((point) => point.reached)
          .map((point) => ({ conversation, policyId: sla.policyId, point })),
  );
  const created = new Set<string>();
  const key = (conversationId: string, p: Pick<AlertPoint, 'target' | 'clock' | 'kind'>) =>
    `${conversationId}|${p.target}|${p.clock}|${p.kind}`;
  for (let i = 0; i < wanted.length; i += ALERT_CHUNK) {
    const inserted = await tx
      .insert(slaAlerts)
      .values(
        wanted.slice(i, i + ALERT_CHUNK).map(({ conversation, point }) => ({
          workspaceId,
          conversationId: conversation.id,
          target: point.target,
          clock: point.clock,
          kind: point.kind,
          dueAt: dateOrNull(point.state.dueAt),
          at: now,
        })),
      )
      .onConflictDoNothing()
      .returning();
    for (const row of inserted) created.add(key(row.conversationId, row));
  }
  return wanted.filter((a) => created.has(key(a.conversation.id, a.point)));
}

function alertEvent({ conversation, policyId, point }: Alert) {
  const after: SlaAlertEvent = {
    target: point.target,
    clock: point.clock,
    dueAt: point.state.dueAt,
    warnAt: point.state.warnAt,
    assigneeId: conversation.assigneeId,
    policyId,
  };
  return {
    type: point.kind === 'breach' ? 'sla.breached' : 'sla.warning',
    conversationId: conversation.id,
    after,
  };
}

const alertJob = ({ conversation, point }: Alert, now: Date): NewJob =>
  point.kind === 'breach'
    ? {
        kind: 'sla.breached',
        conversationId: conversation.id,
        payload: { target: point.target },
        runAt: now,
      }
    : {
        kind: 'sla.warning',
        conversationId: conversation.id,
        payload: { target: point.target },
        runAt: now,
      };

const isOn = (webhook: SlaWebhook | null | undefined) => Boolean(webhook?.url);

function breachDelivery(workspaceId: string, now: Date, { conversation, policyId, point }: Alert) {
  return newDelivery(workspaceId, now, (id) => ({
    id,
    type: 'sla.breached',
    workspaceId,
    createdAt: now.toISOString(),
    data: {
      conversationId: conversation.id,
      subject: conversation.subject,
      priority: conversation.priority,
      assigneeId: conversation.assigneeId,
      target: point.target,
      clock: point.clock,
      dueAt: new Date(point.at).toISOString(),
      policyId,
    },
  }));
}

const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));
