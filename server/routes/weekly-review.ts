import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  type ReviewWebhookView,
  SetReviewWebhook,
  type SlaWebhook,
  WeeklyReviewQuery,
} from '../../lib/schema';
import type { Db } from '../db/open';
import { workspaces } from '../db/schema';
import { write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, notFound } from '../http/errors';
import { body, query } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';
import { lastFullWeek } from '../reports/periods';
import { reportTimeZone } from '../reports/time-zone';
import { weeklyReview } from '../reports/weekly-review';
import { postWebhook } from '../sla/webhook';

/**
 * The weekly review (docs/analytics.md): leads and admins read it; admins set where it is
 * posted and send it at once. The scheduled send is server/reports/weekly-review-sends.ts.
 * Mounted at /v1/reports/weekly, before the reports router.
 */
export function weeklyReviewRoutes(deps: Deps) {
  const { database } = deps;
  const { db } = database;
  const admin = requireRole('admin');
  const review = async (workspaceId: string, week: string | undefined) => {
    const now = deps.now();
    const timeZone = await reportTimeZone(db, workspaceId);
    return weeklyReview(db, workspaceId, week ?? lastFullWeek(timeZone, now), timeZone, now);
  };
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .use(requireRole('lead', 'admin'))
    .get('/', query(WeeklyReviewQuery), async (c) =>
      c.json(await review(c.var.member.workspaceId, c.req.valid('query').week)),
    )
    .post('/send', admin, query(WeeklyReviewQuery), async (c) => {
      const { workspaceId } = c.var.member;
      const { url, secret } = await webhookOf(db, workspaceId);
      if (url === null || secret === null)
        throw new ApiFailure(
          409,
          'conflict',
          'No review webhook is set: PUT /v1/reports/weekly/webhook first',
        );
      const data = await review(workspaceId, c.req.valid('query').week);
      const now = deps.now();
      const payload = {
        id: randomUUID(),
        type: 'review.weekly' as const,
        workspaceId,
        createdAt: now.toISOString(),
        data,
      };
      return c.json(await postWebhook(deps.sla.webhook, { url, secret }, payload, now));
    })
    .get('/webhook', admin, async (c) =>
      c.json(viewOf(await webhookOf(db, c.var.member.workspaceId), null)),
    )
    .put('/webhook', admin, body(SetReviewWebhook), async (c) => {
      const { url, rotateSecret } = c.req.valid('json');
      const me = c.var.member;
      const stored = await webhookOf(db, me.workspaceId);
      const fresh =
        url !== null && (rotateSecret || stored.secret === null)
          ? randomBytes(32).toString('base64url')
          : null;
      const webhook: SlaWebhook = { url, secret: url === null ? null : (fresh ?? stored.secret) };
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        await w.tx
          .update(workspaces)
          .set({ reviewWebhook: url === null ? null : webhook })
          .where(eq(workspaces.id, w.workspaceId));
        // The secret stays out of the activity log.
        await w.event({ type: 'review.webhook_set', after: { url } });
      });
      return c.json(viewOf(webhook, fresh));
    });
}

const viewOf = (webhook: SlaWebhook, secret: string | null): ReviewWebhookView => ({
  url: webhook.url,
  secretSet: webhook.secret !== null,
  secret,
});

async function webhookOf(db: Db, workspaceId: string): Promise<SlaWebhook> {
  const [row] = await db
    .select({ webhook: workspaces.reviewWebhook })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('workspace');
  return row.webhook ?? { url: null, secret: null };
}
