import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { CreateTag, UpdateTag } from '../../lib/schema';
import { conversations, tags } from '../db/schema';
import { toTag } from '../domain/records';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';
import { liveTag } from '../sync/apply-mutation';

const TagId = params(z.object({ id: z.uuid() }), 'tag');

export function tagRoutes(deps: Deps) {
  const { database } = deps;
  const manage = requireRole('lead', 'admin');
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/', async (c) => {
      const rows = await database.db
        .select()
        .from(tags)
        .where(and(eq(tags.workspaceId, c.var.member.workspaceId), isNull(tags.deletedAt)))
        .orderBy(asc(tags.name));
      return c.json(rows.map(toTag));
    })
    .post('/', manage, body(CreateTag), async (c) => {
      const { name, color } = c.req.valid('json');
      const me = c.var.member;
      const tag = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        if (await liveTag(w.tx, w.workspaceId, name)) throw taken(name);
        const [row] = await w.tx
          .insert(tags)
          .values({ id: randomUUID(), workspaceId: w.workspaceId, name, color, version: w.version })
          .returning();
        await w.event({ type: 'tag.created', after: toTag(row!) });
        return toTag(row!);
      });
      return c.json(tag, 201);
    })
    .patch('/:id', manage, TagId, body(UpdateTag), async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const me = c.var.member;
      const tag = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await lockTag(w, id);
        if (patch.name && patch.name !== before.name) {
          if (await liveTag(w.tx, w.workspaceId, patch.name)) throw taken(patch.name);
          await renameOnConversations(w, before.name, patch.name);
        }
        const [row] = await w.tx
          .update(tags)
          .set({ ...patch, version: w.version })
          .where(eq(tags.id, id))
          .returning();
        await w.event({ type: 'tag.updated', before: toTag(before), after: toTag(row!) });
        return toTag(row!);
      });
      return c.json(tag);
    })
    .delete('/:id', manage, TagId, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await lockTag(w, id);
        await w.tx
          .update(tags)
          .set({ deletedAt: w.now, version: w.version })
          .where(eq(tags.id, id));
        await removeFromConversations(w, before.name);
        await w.event({ type: 'tag.deleted', before: toTag(before) });
      });
      return c.body(null, 204);
    });
}

const taken = (name: string) => new ApiFailure(409, 'conflict', `A tag named "${name}" exists`);

async function lockTag(w: Write, id: string) {
  const [row] = await w.tx
    .select()
    .from(tags)
    .where(and(eq(tags.id, id), eq(tags.workspaceId, w.workspaceId), isNull(tags.deletedAt)));
  if (!row) throw notFound('tag');
  return row;
}

const hasTag = (name: string) => sql`${conversations.tags} @> jsonb_build_array(${name}::text)`;

/** Conversations carry tag names, so a rename rewrites them in the same version. */
async function renameOnConversations(w: Write, from: string, to: string) {
  await w.tx
    .update(conversations)
    .set({
      tags: sql`case when ${hasTag(to)} then ${conversations.tags} - ${from}::text
        else (${conversations.tags} - ${from}::text) || jsonb_build_array(${to}::text) end`,
      version: w.version,
      updatedAt: w.now,
    })
    .where(and(eq(conversations.workspaceId, w.workspaceId), hasTag(from)));
}

async function removeFromConversations(w: Write, name: string) {
  await w.tx
    .update(conversations)
    .set({ tags: sql`${conversations.tags} - ${name}::text`, version: w.version, updatedAt: w.now })
    .where(and(eq(conversations.workspaceId, w.workspaceId), hasTag(name)));
}
