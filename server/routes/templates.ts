import { and, asc, count, desc, eq, max, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  RestoreTemplate,
  TemplateContent,
  TemplateExport,
  TemplateInput,
  type TemplateUsage,
  UpdateTemplate,
} from '../../lib/schema';
import { events, templates, templateVersions } from '../db/schema';
import { toTemplate, toTemplateContent, toTemplateVersion } from '../domain/records';
import { mayWriteTemplate, WRITERS } from '../domain/template-access';
import {
  checkTeams,
  createTemplates,
  recordRevisions,
  staleCheck,
  visibleTemplate,
  visibleTemplateRows,
  writableTemplate,
} from '../domain/templates';
import { write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, forbidden, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth } from '../middleware/auth';

const TemplateId = params(z.object({ id: z.uuid() }), 'template');

const scopeDenied = (scope: keyof typeof WRITERS, at?: string) =>
  new ApiFailure(
    403,
    'forbidden',
    `Only ${WRITERS[scope].join(' or ')} members write ${scope} templates`,
    at ? [{ path: at, message: `${scope} templates are not yours to write` }] : undefined,
  );

export function templateRoutes(deps: Deps) {
  const { database } = deps;
  const { db } = database;
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/', async (c) => {
      const rows = await visibleTemplateRows(db, c.var.member);
      return c.json(rows.map(toTemplate));
    })
    .post('/', body(TemplateInput), async (c) => {
      const input = c.req.valid('json');
      const me = c.var.member;
      if (!mayWriteTemplate(me, input.scope, me.id)) throw scopeDenied(input.scope);
      const [template] = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        await checkTeams(w, [{ content: input, at: 'teamId' }]);
        return createTemplates(w, me.id, [input]);
      });
      return c.json(template, 201);
    })
    .get('/export', async (c) => {
      const rows = await visibleTemplateRows(db, c.var.member);
      const document: TemplateExport = { version: 1, templates: rows.map(toTemplateContent) };
      return c.json(document);
    })
    .post('/import', body(TemplateExport), async (c) => {
      const me = c.var.member;
      const items = c.req.valid('json').templates.map((content, i) => ({
        content,
        at: `templates.${i}.teamId`,
      }));
      items.forEach(({ content }, i) => {
        if (!mayWriteTemplate(me, content.scope, me.id))
          throw scopeDenied(content.scope, `templates.${i}.scope`);
      });
      const imported = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        await checkTeams(w, items);
        return createTemplates(
          w,
          me.id,
          items.map((i) => i.content),
        );
      });
      return c.json({ templates: imported }, 201);
    })
    .patch('/:id', TemplateId, body(UpdateTemplate), async (c) => {
      const { id } = c.req.valid('param');
      const { revision, ...patch } = c.req.valid('json');
      const me = c.var.member;
      const template = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await writableTemplate(w, me, id);
        if (patch.scope && !mayWriteTemplate(me, patch.scope, before.ownerId))
          throw forbidden(`You may not move this template to ${patch.scope}`);
        staleCheck(before, revision);
        const scope = patch.scope ?? before.scope;
        // A template leaving team scope leaves its team; naming a team outside it is refused.
        const teamId =
          patch.teamId !== undefined ? patch.teamId : scope === 'team' ? before.teamId : null;
        await checkTeams(w, [{ content: { scope, teamId }, at: 'teamId' }]);
        const [row] = await w.tx
          .update(templates)
          .set({
            ...patch,
            teamId,
            revision: before.revision + 1,
            updatedAt: w.now,
            version: w.version,
          })
          .where(eq(templates.id, id))
          .returning();
        await recordRevisions(w, [row!]);
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
        const before = await writableTemplate(w, me, id);
        await w.tx
          .update(templates)
          .set({ deletedAt: w.now, updatedAt: w.now, version: w.version })
          .where(eq(templates.id, id));
        await w.event({ type: 'template.deleted', before: toTemplate(before) });
      });
      return c.body(null, 204);
    })
    .get('/:id/versions', TemplateId, async (c) => {
      const { id } = c.req.valid('param');
      await visibleTemplate(db, c.var.member, id);
      const rows = await db
        .select()
        .from(templateVersions)
        .where(eq(templateVersions.templateId, id))
        .orderBy(desc(templateVersions.revision));
      return c.json(rows.map(toTemplateVersion));
    })
    .post('/:id/restore', TemplateId, body(RestoreTemplate), async (c) => {
      const { id } = c.req.valid('param');
      const { revision, fromRevision } = c.req.valid('json');
      const me = c.var.member;
      const template = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await writableTemplate(w, me, id);
        if (fromRevision !== undefined) staleCheck(before, fromRevision);
        const [old] = await w.tx
          .select()
          .from(templateVersions)
          .where(and(eq(templateVersions.templateId, id), eq(templateVersions.revision, revision)));
        if (!old) throw notFound('template revision');
        // Revisions written before a field existed read with its default.
        const content = TemplateContent.parse(old.content);
        if (!mayWriteTemplate(me, content.scope, before.ownerId)) throw scopeDenied(content.scope);
        await checkTeams(w, [{ content, at: 'teamId' }]);
        const [row] = await w.tx
          .update(templates)
          .set({
            ...content,
            revision: before.revision + 1,
            updatedAt: w.now,
            version: w.version,
          })
          .where(eq(templates.id, id))
          .returning();
        await recordRevisions(w, [row!]);
        await w.event({
          type: 'template.restored',
          before: toTemplate(before),
          after: { ...toTemplate(row!), restoredRevision: revision },
        });
        return toTemplate(row!);
      });
      return c.json(template);
    })
    .get('/:id/usage', TemplateId, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      await visibleTemplate(db, me, id);
      // `template.use` writes these events (lib/mutations/apply.ts): the id sits in `after`.
      const rows = await db
        .select({ memberId: events.actorId, count: count(), lastUsedAt: max(events.at) })
        .from(events)
        .where(
          and(
            eq(events.workspaceId, me.workspaceId),
            eq(events.type, 'template.used'),
            sql`${events.after}->>'templateId' = ${id}`,
          ),
        )
        .groupBy(events.actorId)
        .orderBy(desc(count()), asc(events.actorId));
      const byMember = rows.map((r) => ({
        memberId: r.memberId,
        count: r.count,
        lastUsedAt: r.lastUsedAt!.toISOString(),
      }));
      const usage: TemplateUsage = {
        count: byMember.reduce((n, m) => n + m.count, 0),
        lastUsedAt:
          byMember
            .map((m) => m.lastUsedAt)
            .sort()
            .at(-1) ?? null,
        byMember,
      };
      return c.json(usage);
    });
}
