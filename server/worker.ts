/**
 * The API as a Cloudflare Worker (wrangler.toml, `npm run dev:worker`, docs/worker.md).
 * The environment is checked and the app built once per isolate; each request opens its own
 * Postgres client (a worker cannot reuse a socket across requests), which the app reaches
 * through requestDatabase(), and closes it after the response. The database must be
 * migrated beforehand (`npm run db:migrate`). Live sockets live in a Durable Object per
 * workspace (LiveRoom); a Cron Trigger runs the scheduled sweep.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { createApp } from './app';
import { secretHash } from './auth/tokens';
import type { Database, Db } from './db/open';
import { liveTickets } from './db/schema';
import { depsFromEnv } from './deps';
import type { Deps } from './http/context';
import { scheduledSweep } from './sla/sweeper';
import { workerDatabase } from './worker/database';
import { docsAsset } from './worker/docs-assets';
import { parseWorkerEnv, type WorkerEnv } from './worker/env';
import { liveRoom, ROOM_DATABASE_HEADER, roomNotifier, roomOf } from './worker/live-room';
import { requestDatabase } from './worker/request-database';
import type { DurableObjectNamespace, ExecutionContext, Fetcher } from './worker/runtime';
import { type Target, testTarget } from './worker/target';
import { upgradeWebSocket } from './worker/upgrade';

type Bindings = Record<string, unknown> & { LIVE_ROOMS: DurableObjectNamespace; ASSETS: Fetcher };

type Ready = {
  env: WorkerEnv;
  deps: Deps;
  app: ReturnType<typeof createApp>;
  scope: ReturnType<typeof requestDatabase>;
};

let ready: Ready | Response | undefined;

/** Runs on the first request of an isolate; a bad environment answers every request. */
function prepare(bindings: Record<string, unknown>): Ready | Response {
  ready ??= (() => {
    const parsed = parseWorkerEnv(bindings);
    if (!parsed.ok) {
      const names = parsed.issues.map((i) => i.path).join(', ');
      console.error(`Invalid worker environment: ${names}`);
      const message = `The worker's environment is invalid: ${names}`;
      return Response.json(
        { error: { code: 'internal', message, issues: parsed.issues } },
        { status: 500 },
      );
    }
    const scope = requestDatabase();
    const deps = depsOf(parsed.env, scope.database);
    return { env: parsed.env, deps, app: createApp(deps), scope };
  })();
  return ready;
}

const peerAddress = (c: Context) => c.req.header('cf-connecting-ip');

function depsOf(env: WorkerEnv, database: Database): Deps {
  // Without PUBLIC_URL, links use the origin a request came to: HOST and PORT mean nothing here.
  const publicUrl = env.explicitPublicUrl;
  return { ...depsFromEnv(env, database), publicUrl, peerAddress, upgradeWebSocket };
}

const notFound = () =>
  Response.json(
    { error: { code: 'not_found', message: 'Tests address a database as /__db/<name>/…' } },
    { status: 404 },
  );

export default {
  async fetch(request: Request, bindings: Bindings, ctx: ExecutionContext): Promise<Response> {
    const setup = prepare(bindings);
    if (setup instanceof Response) return setup.clone();
    const target: Target | null = setup.env.TEST_DATABASE_PREFIX
      ? testTarget(request, setup.env.DATABASE_URL)
      : { databaseUrl: setup.env.DATABASE_URL, request };
    if (!target) return notFound();
    const asset = await docsAsset(target.request, bindings.ASSETS);
    if (asset) return asset;
    const notifier = roomNotifier(bindings.LIVE_ROOMS, target.databaseUrl);
    const database = workerDatabase(target.databaseUrl, notifier);
    try {
      const room = await liveRoomFor(target, database.db, bindings.LIVE_ROOMS);
      if (room) return await room;
      return await setup.scope.run(database, () => setup.app.fetch(target.request));
    } finally {
      ctx.waitUntil(database.close());
    }
  },

  /**
   * The Cron Trigger (wrangler.toml): the scheduled round a Node server runs on its timer
   * (SLA sweep and deliveries, automations' timers, weekly reviews, retention). A test
   * worker serves many databases by path, so it has no one database to sweep.
   */
  async scheduled(_event: unknown, bindings: Bindings, ctx: ExecutionContext): Promise<void> {
    const setup = prepare(bindings);
    if (setup instanceof Response) throw new Error('The worker’s environment is invalid');
    if (setup.env.TEST_DATABASE_PREFIX) return;
    const { DATABASE_URL } = setup.env;
    const database = workerDatabase(DATABASE_URL, roomNotifier(bindings.LIVE_ROOMS, DATABASE_URL));
    try {
      const swept = await setup.scope.run(database, () => scheduledSweep(setup.deps));
      console.log(`Scheduled sweep: ${JSON.stringify(swept)}`);
    } finally {
      ctx.waitUntil(database.close());
    }
  },
};

/**
 * A socket belongs to the room of its ticket's workspace; the room claims the ticket. A
 * ticket unknown here goes to the app, which refuses it as the Node server does.
 */
async function liveRoomFor(
  { request, databaseUrl }: Target,
  db: Db,
  rooms: DurableObjectNamespace,
): Promise<Promise<Response> | null> {
  const url = new URL(request.url);
  const ticket = url.searchParams.get('ticket');
  const upgrade = request.headers.get('upgrade')?.toLowerCase() === 'websocket';
  if (url.pathname !== '/v1/live' || !upgrade || !ticket || ticket.length > 200) return null;
  const [open] = await db
    .select({ workspaceId: liveTickets.workspaceId })
    .from(liveTickets)
    .where(
      and(
        eq(liveTickets.hash, secretHash(ticket)),
        isNull(liveTickets.usedAt),
        gt(liveTickets.expiresAt, new Date()),
      ),
    );
  if (!open) return null;
  const forwarded = new Request(request);
  forwarded.headers.set(ROOM_DATABASE_HEADER, databaseUrl);
  return roomOf(rooms, databaseUrl, open.workspaceId).fetch(forwarded);
}

export const LiveRoom = liveRoom((bindings) => {
  const setup = prepare(bindings);
  if (setup instanceof Response) return setup.clone();
  return (databaseUrl, notifier) => depsOf(setup.env, workerDatabase(databaseUrl, notifier, 2));
});
