import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, ne, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { type Role, TemplateInput, type TemplateScope, UpdateTemplate } from '../../lib/schema';
import { templates } from '../db/schema';
import { toTemplate } from '../domain/records';
import { type Write, write } from '../domain/write';
import type { AppEnv, CurrentMember, Deps } from '../http/context';
import { ApiFailure, forbidden, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth } from '../middleware/auth';
import { canSeeTemplate } from '../sync/changes';

const TemplateId = params(z.object({ id: z.uuid() }), 'template');

/** Who may write a template of each scope (DESIGN.md §4). */
const WRITERS: Record<TemplateScope, Role[]> = {
  personal: ['agent', 'lead', 'admin'],
  team: ['lead', 'admin'],
  workspace: ['admin'],
};

function mayWrite(me: CurrentMember, scope: TemplateScope, ownerId: string) {
  if (scope === 'personal') return ownerId === me.id;
  return WRITERS[scope].includes(me.role);
}

export function templateRoutes(deps: Deps) {
  const { database } = deps;
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/', async (c) => {
      const me = c.var.member;
      const rows = await database.db
        .select()
        .from(templates)
        .where(
          and(
            eq(templates.workspaceId, me.workspaceId),
            isNull(templates.deletedAt),
            or(ne(templates.scope, 'personal'), eq(templates.ownerId, me.id)),
          ),
        )
        .orderBy(asc(templates.title));
      return c.json(rows.map(toTemplate));
    })
    .post('/', body(TemplateInput), async (c) => {
      const input = c.req.valid('json');
      const me = c.var.member;
      if (!mayWrite(me, input.scope, me.id))
        throw forbidden(
          `Only ${WRITERS[input.scope].join(' or ')} members write ${input.scope} templates`,
        );
      const template = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const [row] = await w.tx
          .insert(templates)
          .values({
            ...input,
            id: randomUUID(),
            workspaceId: w.workspaceId,
            ownerId: me.id,
            revision: 1,
            updatedAt: w.now,
            version: w.version,
          })
          .returning();
        await w.event({ type: 'template.created', after: toTemplate(row!) });
        return toTemplate(row!);
      });
      return c.json(template, 201);
    })
    .patch('/:id', TemplateId, body(UpdateTemplate), async (c) => {
      const { id } = c.req.valid('param');
      const { revision, ...patch } = c.req.valid('json');
      const me = c.var.member;
      const template = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await writable(w, me, id);
        if (patch.scope && !mayWrite(me, patch.scope, before.ownerId))
          throw forbidden(`You may not move this template to ${patch.scope}`);
        if (before.revision !== revision)
          throw new ApiFailure(
            409,
            'conflict',
            `The template changed meanwhile (revision ${before.revision}, you edited ${revision})`,
            undefined,
            { current: toTemplate(before) },
          );
        const [row] = await w.tx
          .update(templates)
          .set({ ...patch, revision: before.revision + 1, updatedAt: w.now, version: w.version })
          .where(eq(templates.id, id))
          .returning();
        await w.event({
          type: 'template.updated',
          before: toTemplate(before),
          after: toTemplate(row!),
        });
        return toTemplate(row!);
      });
      return c.json(template);
    })
    .delete('/:id', TemplateId, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await writable(w, me, id);
        await w.tx
          .update(templates)
          .set({ deletedAt: w.now, updatedAt: w.now, version: w.version })
          .where(eq(templates.id, id));
        await w.event({ type: 'template.deleted', before: toTemplate(before) });
      });
      return c.body(null, 204);
    });
}

/** The template, if this member can see it (else 404) and may change it (else 403). */
async function writable(w: Write, me: CurrentMember, id: string) {
  const [row] = await w.tx
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.id, id),
        eq(templates.workspaceId, w.workspaceId),
        isNull(templates.deletedAt),
      ),
    );
  if (!row || !canSeeTemplate(me, row)) throw notFound('template');
  if (!mayWrite(me, row.scope, row.ownerId))
    throw forbidden(
      `Only ${WRITERS[row.scope].join(' or ')} members change ${row.scope} templates`,
    );
  return row;
}
