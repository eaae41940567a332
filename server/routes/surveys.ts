import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { CreateSurvey, type SurveyLink } from '../../lib/schema';
import { conversations, surveys } from '../db/schema';
import { ensureSurveyKey } from '../domain/survey-keys';
import { signSurveyToken } from '../domain/survey-token';
import type { AppEnv, Deps } from '../http/context';
import { notFound } from '../http/errors';
import { body } from '../http/validate';
import { memberAuth } from '../middleware/auth';

/** Rating links: any member adds a fresh one to each reply (docs/analytics.md). */
export function surveyRoutes(deps: Deps) {
  const { db } = deps.database;
  return new Hono<AppEnv>().use(memberAuth(deps)).post('/', body(CreateSurvey), async (c) => {
    const { conversationId, kind, scale } = c.req.valid('json');
    const me = c.var.member;
    const now = deps.now();
    const [conversation] = await db
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        and(
          eq(conversations.workspaceId, me.workspaceId),
          eq(conversations.id, conversationId),
          isNull(conversations.deletedAt),
        ),
      );
    if (!conversation) throw notFound('conversation');
    const secret = await ensureSurveyKey(db, me.workspaceId, now);
    const id = randomUUID();
    await db.insert(surveys).values({
      id,
      workspaceId: me.workspaceId,
      conversationId,
      createdBy: me.id,
      kind,
      scale,
      createdAt: now,
    });
    const token = await signSurveyToken(secret, me.workspaceId, id);
    const origin = deps.publicUrl ?? new URL(c.req.url).origin;
    const link: SurveyLink = { id, kind, scale, url: `${origin}/s/${token}` };
    return c.json(link, 201);
  });
}
