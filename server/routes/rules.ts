import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { CreateRule, DryRunRequest, ReorderRules, UpdateRule } from '../../lib/schema';
import { dryRun } from '../automation/dry-run';
import { toRule } from '../automation/rule-records';
import { checkRuleRefs } from '../automation/rule-refs';
import type { Db, Tx } from '../db/open';
import { rules } from '../db/schema';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

const RuleId = params(z.object({ id: z.uuid() }), 'rule');

/** Automation rules: leads and admins read and write them; they run on the server. */
export function ruleRoutes(deps: Deps) {
  const { database } = deps;
  return new Hono<AppEnv>()
    .use(memberAuth(deps), requireRole('lead', 'admin'))
    .get('/', async (c) =>
      c.json((await liveRules(database.db, c.var.member.workspaceId)).map(toRule)),
    )
    .post('/', body(CreateRule), async (c) => {
      const input = c.req.valid('json');
      const me = c.var.member;
      const rule = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        await checkRuleRefs(w.tx, w.workspaceId, input);
        const existing = await liveRules(w.tx, w.workspaceId);
        const [row] = await w.tx
          .insert(rules)
          .values({
            ...input,
            id: randomUUID(),
            workspaceId: w.workspaceId,
            position: Math.max(-1, ...existing.map((r) => r.position)) + 1,
            triggerType: input.trigger.type,
            createdBy: me.id,
            updatedAt: w.now,
          })
          .returning();
        const created = toRule(row!);
        await w.event({ type: 'rule.created', after: created });
        return created;
      });
      return c.json(rule, 201);
    })
    .post('/dry-run', body(DryRunRequest), async (c) => {
      const { rule, days } = c.req.valid('json');
      const me = c.var.member;
      await database.db.transaction((tx) => checkRuleRefs(tx, me.workspaceId, rule));
      return c.json(await dryRun(database.db, me.workspaceId, rule, days, deps.now()));
    })
    .post('/reorder', body(ReorderRules), async (c) => {
      const { ids } = c.req.valid('json');
      const me = c.var.member;
      const reordered = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await liveRules(w.tx, w.workspaceId);
        const listed = new Set(ids);
        if (ids.length !== before.length || before.some((r) => !listed.has(r.id)))
          throw new ApiFailure(
            409,
            'conflict',
            'The rules changed meanwhile: reorder the current list',
            undefined,
            {
              current: before.map(toRule),
            },
          );
        const rows = await Promise.all(
          ids.map(async (id, position) => {
            const [row] = await w.tx
              .update(rules)
              .set({ position, updatedAt: w.now })
              .where(eq(rules.id, id))
              .returning();
            return toRule(row!);
          }),
        );
        await w.event({ type: 'rule.reordered', before: before.map((r) => r.id), after: ids });
        return rows;
      });
      return c.json(reordered);
    })
    .patch('/:id', RuleId, body(UpdateRule), async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const me = c.var.member;
      const rule = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = toRule(await liveRule(w, id));
        const next = CreateRule.parse({ ...before, ...patch });
        await checkRuleRefs(w.tx, w.workspaceId, next);
        const [row] = await w.tx
          .update(rules)
          .set({ ...next, triggerType: next.trigger.type, updatedAt: w.now })
          .where(eq(rules.id, id))
          .returning();
        const after = toRule(row!);
        await w.event({ type: 'rule.updated', before, after });
        return after;
      });
      return c.json(rule);
    })
    .delete('/:id', RuleId, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = toRule(await liveRule(w, id));
        await w.tx
          .update(rules)
          .set({ deletedAt: w.now, updatedAt: w.now })
          .where(eq(rules.id, id));
        await w.event({ type: 'rule.deleted', before });
      });
      return c.body(null, 204);
    });
}

function liveRules(db: Db | Tx, workspaceId: string) {
  return db
    .select()
    .from(rules)
    .where(and(eq(rules.workspaceId, workspaceId), isNull(rules.deletedAt)))
    .orderBy(asc(rules.position), asc(rules.id));
}

async function liveRule(w: Write, id: string) {
  const found = (await liveRules(w.tx, w.workspaceId)).find((r) => r.id === id);
  if (!found) throw notFound('rule');
  return found;
}
