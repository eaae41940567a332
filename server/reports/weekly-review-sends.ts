import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { slaWebhookDeliveries, weeklyReviewSends, workspaces } from '../db/schema';
import { newDelivery } from '../sla/deliveries';
import { lastFullWeek, reviewDueAt } from './periods';
import { reportTimeZone } from './time-zone';
import { weeklyReview } from './weekly-review';

/** The local hour on Monday after which last week's review goes out. */
export const REVIEW_SEND_HOUR = 8;

/**
 * Queues last week's review for every workspace with a review webhook, once its Monday
 * 08:00 (report time zone) has passed; the SLA sweep's delivery step sends it. Returns the
 * workspaces queued. A failing workspace does not hold up the others.
 */
export async function queueWeeklyReviews(db: Db, now: Date): Promise<number> {
  const rows = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(isNotNull(workspaces.reviewWebhook));
  let queued = 0;
  for (const { id } of rows) {
    try {
      if (await queueWeeklyReview(db, id, now)) queued++;
    } catch (e) {
      console.error(`Weekly review of workspace ${id} not queued; the next sweep tries again`, e);
    }
  }
  return queued;
}

async function queueWeeklyReview(db: Db, workspaceId: string, now: Date) {
  const timeZone = await reportTimeZone(db, workspaceId);
  const week = lastFullWeek(timeZone, now);
  if (now.getTime() < reviewDueAt(timeZone, week, REVIEW_SEND_HOUR)) return false;
  const thisWeek = and(
    eq(weeklyReviewSends.workspaceId, workspaceId),
    eq(weeklyReviewSends.week, week),
  );
  if ((await db.select().from(weeklyReviewSends).where(thisWeek)).length) return false;
  const review = await weeklyReview(db, workspaceId, week, timeZone, now);
  const delivery = newDelivery(workspaceId, now, (id) => ({
    id,
    type: 'review.weekly',
    workspaceId,
    createdAt: now.toISOString(),
    data: review,
  }));
  // Instances that built the same review race here: the primary key lets one row in.
  return db.transaction(async (tx) => {
    const [won] = await tx
      .insert(weeklyReviewSends)
      .values({ workspaceId, week, deliveryId: delivery.id, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (won) await tx.insert(slaWebhookDeliveries).values(delivery);
    return Boolean(won);
  });
}
