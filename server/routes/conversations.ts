import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { conversations, events } from '../db/schema';
import { toEvent } from '../domain/records';
import type { AppEnv, Deps } from '../http/context';
import { notFound } from '../http/errors';
import { params } from '../http/validate';
import { memberAuth } from '../middleware/auth';

export function conversationRoutes(deps: Deps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get(
      '/:id/events',
      params(z.object({ id: z.string().min(1).max(64) }), 'conversation'),
      async (c) => {
        const ws = c.var.member.workspaceId;
        const { id } = c.req.valid('param');
        const [found] = await db
          .select({ id: conversations.id })
          .from(conversations)
          .where(and(eq(conversations.workspaceId, ws), eq(conversations.id, id)));
        if (!found) throw notFound('conversation');
        const rows = await db
          .select()
          .from(events)
          .where(and(eq(events.workspaceId, ws), eq(events.conversationId, id)))
          .orderBy(asc(events.version), asc(events.at));
        return c.json(rows.map(toEvent));
      },
    );
}
