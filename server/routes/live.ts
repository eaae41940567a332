import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import type { WSContext } from 'hono/ws';
import { LiveClientMessage, type LiveServerMessage, type PresenceEntry } from '../../lib/schema';
import { secretHash } from '../auth/tokens';
import { liveTickets, members, workspaces } from '../db/schema';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, forbidden, unauthorized } from '../http/errors';
import { isPresence } from '../live/notifier';
import { leaveAll, setPresence, workspacePresence } from '../live/presence';
import { memberAuth } from '../middleware/auth';

const TICKET_TTL_MS = 60_000;
/** Close code for a member deactivated while connected (4000–4999 are the application's). */
const CLOSE_DEACTIVATED = 4401;
/** Conversations one socket may be present on at once (a few tabs' worth). */
const MAX_PRESENCE = 50;

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
      // The conversations this socket made its member present on: left when it closes.
      const held = new Set<string>();
      // One presence write at a time, in the order sent: "replying" then "viewing" ends viewing.
      let queue = Promise.resolve();
      const serially = (work: () => Promise<void>) => {
        queue = queue.then(work).catch((e) => console.error('presence failed', e));
      };
      const announce = (conversationId: string, entries: PresenceEntry[]) =>
        notifier.publish({ workspaceId, presence: { conversationId, entries } });
      return deps.upgradeWebSocket(() => ({
        onOpen: async (_event, ws) => {
          unsubscribe = notifier.subscribe(workspaceId, (announcement) => {
            if (isPresence(announcement)) {
              send(ws, { type: 'presence', ...announcement.presence });
            } else if (announcement.deactivated?.includes(memberId)) {
              send(ws, {
                type: 'error',
                error: { code: 'member_inactive', message: 'This member was deactivated' },
              });
              ws.close(CLOSE_DEACTIVATED, 'member deactivated');
            } else {
              send(ws, {
                type: 'poke',
                version: announcement.version,
                changes: announcement.changes,
              });
            }
          });
          // The client learns the head at once, so it pulls whatever it missed offline, and
          // who is on which conversation.
          const [ws0] = await db
            .select({ version: workspaces.version })
            .from(workspaces)
            .where(eq(workspaces.id, workspaceId));
          send(ws, { type: 'poke', version: ws0?.version ?? 0 });
          const present = await workspacePresence(deps.database, workspaceId, deps.now());
          for (const [conversationId, entries] of present)
            send(ws, { type: 'presence', conversationId, entries });
        },
        onMessage: (event, ws) => {
          const message = LiveClientMessage.safeParse(parseJson(event.data));
          if (!message.success) {
            return send(ws, {
              type: 'error',
              error: {
                code: 'invalid_message',
                message: 'Send {"type":"ping"} or {"type":"presence","conversationId","state"}',
              },
            });
          }
          if (message.data.type === 'ping') return send(ws, { type: 'pong' });
          const { conversationId, state } = message.data;
          if (state && !held.has(conversationId) && held.size >= MAX_PRESENCE) {
            return send(ws, {
              type: 'error',
              error: {
                code: 'invalid_message',
                message: `Present on at most ${MAX_PRESENCE} conversations at once`,
              },
            });
          }
          if (state) held.add(conversationId);
          else held.delete(conversationId);
          serially(async () => {
            const where = { workspaceId, conversationId, memberId, state };
            await announce(conversationId, await setPresence(deps.database, where, deps.now()));
          });
        },
        onClose: () => {
          unsubscribe();
          const conversationIds = [...held.keys()];
          held.clear();
          serially(async () => {
            const where = { workspaceId, memberId, conversationIds };
            const left = await leaveAll(deps.database, where, deps.now());
            for (const [conversationId, entries] of left) await announce(conversationId, entries);
          });
        },
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
