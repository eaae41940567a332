import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  AutomationWebhookPayload,
  type SlaSweepResult,
  SlaWebhookPayload,
  WeeklyReviewPayload,
} from '../../lib/schema';
import { backoff } from '../../lib/sync/timers';
import type { Db } from '../db/open';
import { slaWebhookDeliveries as deliveries, workspaces } from '../db/schema';
import { postWebhook, type WebhookConfig } from './webhook';

/** Retries wait about a minute, doubling up to six hours, with jitter. */
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 3600_000;
/** Deliveries claimed, and sent concurrently, at a time. */
const CLAIM = 20;

type Counts = SlaSweepResult['deliveries'];

/**
 * What a delivery carries: an SLA breach or a rule's call to the workspace (SLA) webhook, a
 * review to the review one.
 */
const Payload = z.union([SlaWebhookPayload, WeeklyReviewPayload, AutomationWebhookPayload]);
type Payload = z.infer<typeof Payload>;
type Target = { url: string | null; secret: string | null } | null;

/** A delivery row for a payload, due at once. */
export function newDelivery(workspaceId: string, now: Date, payload: (id: string) => Payload) {
  const id = randomUUID();
  return {
    id,
    workspaceId,
    payload: payload(id),
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/**
 * Sends every delivery due by `now` (of one workspace, or all). Each is claimed first, in
 * its own short transaction that skips rows another sweep holds and pushes the next
 * attempt past this one's timeout: two sweeps never send one delivery at once, and one
 * that dies mid-send leaves its claim to expire and the delivery to be sent again.
 */
export async function deliverDue(
  db: Db,
  config: WebhookConfig,
  now: Date,
  workspaceId?: string,
): Promise<Counts> {
  const counts: Counts = { delivered: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await claim(db, config, now, workspaceId);
    if (!claimed.length) return counts;
    const hooks = await webhooksOf(db, [...new Set(claimed.map((d) => d.workspaceId))]);
    const outcomes = await Promise.all(
      claimed.map((d) => attempt(db, config, d, hooks.get(d.workspaceId), now)),
    );
    for (const outcome of outcomes) counts[outcome]++;
  }
}

function claim(db: Db, config: WebhookConfig, now: Date, workspaceId?: string) {
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.status, 'pending'),
        lte(deliveries.nextAttemptAt, now),
        workspaceId ? eq(deliveries.workspaceId, workspaceId) : undefined,
      ),
    )
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(CLAIM)
    .for('update', { skipLocked: true });
  return db
    .update(deliveries)
    .set({
      attempts: sql`${deliveries.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + 2 * config.timeoutMs),
    })
    .where(inArray(deliveries.id, due))
    .returning();
}

async function webhooksOf(db: Db, ids: string[]) {
  const rows = await db
    .select({ id: workspaces.id, sla: workspaces.slaWebhook, review: workspaces.reviewWebhook })
    .from(workspaces)
    .where(inArray(workspaces.id, ids));
  return new Map(rows.map((r) => [r.id, { sla: r.sla, review: r.review }]));
}

async function attempt(
  db: Db,
  config: WebhookConfig,
  delivery: typeof deliveries.$inferSelect,
  hooks: { sla: Target; review: Target } | undefined,
  now: Date,
): Promise<keyof Counts> {
  const payload = Payload.safeParse(delivery.payload);
  const webhook = payload.data?.type === 'review.weekly' ? hooks?.review : hooks?.sla;
  const target =
    webhook?.url && webhook.secret ? { url: webhook.url, secret: webhook.secret } : null;
  // Neither a payload that does not read nor a webhook turned off gets better by waiting.
  const result = !payload.success
    ? { delivered: false, error: 'the stored payload is not a webhook payload' }
    : !target
      ? { delivered: false, error: 'no webhook is set' }
      : await postWebhook(config, target, payload.data, now);
  const outcome: keyof Counts = result.delivered
    ? 'delivered'
    : !payload.success || !target || delivery.attempts >= config.maxAttempts
      ? 'failed'
      : 'retrying';
  await db
    .update(deliveries)
    .set(
      outcome === 'delivered'
        ? { status: 'delivered', deliveredAt: now, lastError: null }
        : outcome === 'failed'
          ? { status: 'failed', lastError: result.error }
          : {
              lastError: result.error,
              nextAttemptAt: new Date(
                now.getTime() +
                  backoff(delivery.attempts - 1, config.random(), RETRY_BASE_MS, RETRY_MAX_MS),
              ),
            },
    )
    .where(eq(deliveries.id, delivery.id));
  return outcome;
}
