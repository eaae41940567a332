import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { Hono } from 'hono';
import { z } from 'zod';
import { CreateTag, MergeTag, type TagCount, UpdateTag } from '../../lib/schema';
import { conversations, tags, templates } from '../db/schema';
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
    .get('/counts', async (c) => {
      const rows = await database.db
        .select({
          tagId: tags.id,
          name: tags.name,
          open: sql<number>`count(${conversations.id})`.mapWith(Number),
        })
        .from(tags)
        .leftJoin(
          conversations,
          and(
            eq(conversations.workspaceId, tags.workspaceId),
            sql`${conversations.tags} @> jsonb_build_array(${tags.name})`,
            eq(conversations.status, 'open'),
            isNull(conversations.deletedAt),
          ),
        )
        .where(and(eq(tags.workspaceId, c.var.member.workspaceId), isNull(tags.deletedAt)))
        .groupBy(tags.id, tags.name)
        .orderBy(asc(tags.name));
      const counts: TagCount[] = rows;
      return c.json(counts);
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
          await retagConversations(w, before.name, patch.name);
          await retagTemplates(w, before.name, patch.name);
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
        await retagTemplates(w, before.name, null);
        await w.event({ type: 'tag.deleted', before: toTag(before) });
      });
      return c.body(null, 204);
    })
    .post('/:id/merge', manage, TagId, body(MergeTag), async (c) => {
      const { id } = c.req.valid('param');
      const { into } = c.req.valid('json');
      const me = c.var.member;
      if (into === id) throw new ApiFailure(409, 'conflict', 'A tag cannot merge into itself');
      const tag = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const source = await lockTag(w, id);
        const target = await lockTag(w, into);
        const moved = await retagConversations(w, source.name, target.name);
        await retagTemplates(w, source.name, target.name);
        await w.tx
          .update(tags)
          .set({ deletedAt: w.now, version: w.version })
          .where(eq(tags.id, id));
        await Promise.all(
          moved.map((conversationId) =>
            w.event({
              type: 'conversation.retagged',
              conversationId,
              before: source.name,
              after: target.name,
            }),
          ),
        );
        await w.event({ type: 'tag.merged', before: toTag(source), after: toTag(target) });
        return toTag(target);
      });
      return c.json(tag);
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

const has = (column: AnyPgColumn, name: string) =>
  sql`${column} @> jsonb_build_array(${name}::text)`;
const hasTag = (name: string) => has(conversations.tags, name);

/** `from` becomes `to` in a tag list, which never holds a name twice. */
const retag = (column: AnyPgColumn, from: string, to: string) =>
  sql`case when ${has(column, to)} then ${column} - ${from}::text
    else (${column} - ${from}::text) || jsonb_build_array(${to}::text) end`;

/**
 * Conversations carry tag names, so a rename or merge rewrites them in the same version.
 * Policies match tags: the SLA sweep looks at them again. Returns the conversations it
 * changed.
 */
async function retagConversations(w: Write, from: string, to: string) {
  const rows = await w.tx
    .update(conversations)
    .set({
      tags: retag(conversations.tags, from, to),
      version: w.version,
      updatedAt: w.now,
      slaCheckAt: w.now,
    })
    .where(and(eq(conversations.workspaceId, w.workspaceId), hasTag(from)))
    .returning({ id: conversations.id });
  return rows.map((r) => r.id);
}

/**
 * Templates name the tags they suit; they follow a rename, merge or delete. This is not an
 * edit of the template: its revision stays.
 */
async function retagTemplates(w: Write, from: string, to: string | null) {
  await w.tx
    .update(templates)
    .set({
      tags: to === null ? sql`${templates.tags} - ${from}::text` : retag(templates.tags, from, to),
      version: w.version,
    })
    .where(
      and(
        eq(templates.workspaceId, w.workspaceId),
        isNull(templates.deletedAt),
        has(templates.tags, from),
      ),
    );
}

async function removeFromConversations(w: Write, name: string) {
  await w.tx
    .update(conversations)
    .set({
      tags: sql`${conversations.tags} - ${name}::text`,
      version: w.version,
      updatedAt: w.now,
      slaCheckAt: w.now,
    })
    .where(and(eq(conversations.workspaceId, w.workspaceId), hasTag(name)));
}
