import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import type { WSContext } from 'hono/ws';
import { LiveClientMessage, type LiveServerMessage } from '../../lib/schema';
import { secretHash } from '../auth/tokens';
import { liveTickets, members, workspaces } from '../db/schema';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, forbidden, unauthorized } from '../http/errors';
import { memberAuth } from '../middleware/auth';

const TICKET_TTL_MS = 60_000;
/** Close code for a member deactivated while connected (4000–4999 are the application's). */
const CLOSE_DEACTIVATED = 4401;

const send = (ws: WSContext, message: LiveServerMessage) => ws.send(JSON.stringify(message));

export function liveRoutes(deps: Deps) {
  const { db, notifier } = deps.database;
  return new Hono<AppEnv>()
    .post('/ticket', memberAuth(deps), async (c) => {
      const me = c.var.member;
      const ticket = randomBytes(32).toString('base64url');
      const expiresAt = new Date(deps.now().getTime() + TICKET_TTL_MS);
      await db.insert(liveTickets).values({
        hash: secretHash(ticket),
        workspaceId: me.workspaceId,
        memberId: me.id,
        expiresAt,
      });
      return c.json({ ticket, expiresAt: expiresAt.toISOString() });
    })
    .get('/', async (c, next) => {
      const origin = c.req.header('origin');
      if (origin && !deps.corsOrigins.includes(origin))
        throw forbidden(`Origin ${origin} may not open the live connection`);
      const ticket = c.req.query('ticket');
      if (!ticket || ticket.length > 200)
        throw unauthorized('Open the socket with ?ticket= from POST /v1/live/ticket');
      if (!deps.upgradeWebSocket || c.req.header('upgrade')?.toLowerCase() !== 'websocket')
        throw new ApiFailure(426, 'upgrade_required', 'This route is a WebSocket');
      const now = deps.now();
      const [claimed] = await db
        .update(liveTickets)
        .set({ usedAt: now })
        .where(
          and(
            eq(liveTickets.hash, secretHash(ticket)),
            isNull(liveTickets.usedAt),
            gt(liveTickets.expiresAt, now),
          ),
        )
        .returning();
      if (!claimed) throw unauthorized('The ticket is unknown, used or expired');
      const [member] = await db
        .select({ status: members.status })
        .from(members)
        .where(eq(members.id, claimed.memberId));
      if (member?.status !== 'active')
        throw new ApiFailure(
          401,
          'member_inactive',
          'This member was deactivated in the workspace',
        );
      const { workspaceId, memberId } = claimed;
      let unsubscribe = () => {};
      return deps.upgradeWebSocket(() => ({
        onOpen: async (_event, ws) => {
          unsubscribe = notifier.subscribe(workspaceId, (poke) => {
            if (poke.deactivated?.includes(memberId)) {
              send(ws, {
                type: 'error',
                error: { code: 'member_inactive', message: 'This member was deactivated' },
              });
              ws.close(CLOSE_DEACTIVATED, 'member deactivated');
            } else send(ws, { type: 'poke', version: poke.version, changes: poke.changes });
          });
          // The client learns the head at once, so it pulls whatever it missed offline.
          const [ws0] = await db
            .select({ version: workspaces.version })
            .from(workspaces)
            .where(eq(workspaces.id, workspaceId));
          send(ws, { type: 'poke', version: ws0?.version ?? 0 });
        },
        onMessage: (event, ws) => {
          const message = LiveClientMessage.safeParse(parseJson(event.data));
          if (message.success) send(ws, { type: 'pong' });
          else
            send(ws, {
              type: 'error',
              error: { code: 'invalid_message', message: 'Send {"type":"ping"}' },
            });
        },
        onClose: () => unsubscribe(),
      }))(c, next);
    });
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}
