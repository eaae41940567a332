import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { SetSlaWebhook, SlaWebhook, type SlaWebhookView } from '../../lib/schema';
import type { Db } from '../db/open';
import { workspaces } from '../db/schema';
import { write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, notFound } from '../http/errors';
import { body, invalidBody } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';
import { sweepSla } from '../sla/sweep';
import { scheduledSweep } from '../sla/sweeper';
import { postWebhook } from '../sla/webhook';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The scheduler's bearer token, compared in constant time. */
function isScheduler(c: Context, secret: string | null) {
  const token = c.req.header('authorization')?.match(/^Bearer ([^\s]+)$/i)?.[1];
  return secret !== null && token !== undefined && timingSafeEqual(digest(token), digest(secret));
}

/**
 * The sweep, and where breaches are posted. Mounted at /v1/sla beside the calendar and
 * policy routers, so each route names its own guard (a `use()` here would guard theirs).
 */
export function slaRoutes(deps: Deps) {
  const { database } = deps;
  const member = memberAuth(deps);
  const admin = requireRole('admin');
  const schedulerOrAdmin: MiddlewareHandler<AppEnv> = (c, next) =>
    isScheduler(c, deps.sla.sweepSecret)
      ? next()
      : member(c, async () => {
          await admin(c, next);
        });
  return new Hono<AppEnv>()
    .post('/sweep', schedulerOrAdmin, async (c) => {
      // The scheduler sweeps every workspace (and queues the weekly reviews due); an admin, their own.
      if (isScheduler(c, deps.sla.sweepSecret)) return c.json(await scheduledSweep(deps));
      const { workspaceId } = c.var.member;
      return c.json(
        await sweepSla(database, { now: deps.now(), webhook: deps.sla.webhook, workspaceId }),
      );
    })
    .get('/webhook', member, admin, async (c) =>
      c.json(viewOf(await webhookOf(database.db, c.var.member.workspaceId))),
    )
    .put('/webhook', member, admin, body(SetSlaWebhook), async (c) => {
      const input = c.req.valid('json');
      const me = c.var.member;
      const stored = await webhookOf(database.db, me.workspaceId);
      const parsed = SlaWebhook.safeParse({
        url: input.url,
        secret: input.url === null ? null : (input.secret ?? stored.secret),
      });
      if (!parsed.success) throw invalidBody(parsed.error);
      const webhook = parsed.data;
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        await w.tx
          .update(workspaces)
          .set({ slaWebhook: webhook.url === null ? null : webhook })
          .where(eq(workspaces.id, w.workspaceId));
        // The secret stays out of the activity log.
        await w.event({ type: 'sla.webhook_set', after: { url: webhook.url } });
      });
      return c.json(viewOf(await webhookOf(database.db, me.workspaceId)));
    })
    .post('/webhook/test', member, admin, async (c) => {
      const me = c.var.member;
      const { url, secret } = await webhookOf(database.db, me.workspaceId);
      if (url === null || secret === null)
        throw new ApiFailure(409, 'conflict', 'No webhook is set: PUT /v1/sla/webhook first');
      const now = deps.now();
      const attempt = await postWebhook(
        deps.sla.webhook,
        { url, secret },
        {
          id: randomUUID(),
          type: 'sla.test',
          workspaceId: me.workspaceId,
          createdAt: now.toISOString(),
          data: null,
        },
        now,
      );
      return c.json(attempt);
    });
}

const viewOf = (webhook: SlaWebhook): SlaWebhookView => ({
  url: webhook.url,
  secretSet: webhook.secret !== null,
});

async function webhookOf(db: Db, workspaceId: string): Promise<SlaWebhook> {
  const [row] = await db
    .select({ webhook: workspaces.slaWebhook })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('workspace');
  return row.webhook ?? { url: null, secret: null };
}
