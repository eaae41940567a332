import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { type Goal, GoalInput, type GoalWithProgress } from '../../lib/schema';
import type { Db } from '../db/open';
import { goals, teams } from '../db/schema';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';
import { goalProgress } from '../reports/goal-progress';
import { reportTimeZone } from '../reports/time-zone';

const GoalId = params(z.object({ id: z.uuid() }), 'goal');
type Row = typeof goals.$inferSelect;

/**
 * Goals on report figures (docs/analytics.md): leads and admins set them, everyone reads
 * them with their progress, computed on read by the summary the reports API serves.
 */
export function goalRoutes(deps: Deps) {
  const { database } = deps;
  const { db } = database;
  const manage = requireRole('lead', 'admin');
  const withProgress = async (workspaceId: string, list: Goal[]) => {
    const now = deps.now();
    const timeZone = await reportTimeZone(db, workspaceId);
    const out: GoalWithProgress[] = [];
    for (const goal of list)
      out.push({ ...goal, progress: await goalProgress(db, workspaceId, goal, timeZone, now) });
    return out;
  };
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/', async (c) => {
      const { workspaceId } = c.var.member;
      return c.json(await withProgress(workspaceId, await listGoals(db, workspaceId)));
    })
    .get('/:id', GoalId, async (c) => {
      const { workspaceId } = c.var.member;
      const goal = await findGoal(db, workspaceId, c.req.valid('param').id);
      const [answer] = await withProgress(workspaceId, [goal]);
      return c.json(answer);
    })
    .post('/', manage, body(GoalInput), async (c) => {
      const input = c.req.valid('json');
      const me = c.var.member;
      const goal = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        await teamExists(w, input.filters.teamId);
        const [row] = await w.tx
          .insert(goals)
          .values({
            ...input,
            id: randomUUID(),
            workspaceId: w.workspaceId,
            createdAt: w.now,
            updatedAt: w.now,
          })
          .returning();
        const goal = toGoal(row as Row);
        await w.event({ type: 'goal.created', after: goal });
        return goal;
      });
      const [answer] = await withProgress(me.workspaceId, [goal]);
      return c.json(answer, 201);
    })
    .put('/:id', manage, GoalId, body(GoalInput), async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const me = c.var.member;
      const goal = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await findGoal(w.tx, w.workspaceId, id);
        await teamExists(w, input.filters.teamId);
        const [row] = await w.tx
          .update(goals)
          .set({ ...input, updatedAt: w.now })
          .where(eq(goals.id, id))
          .returning();
        const after = toGoal(row as Row);
        await w.event({ type: 'goal.updated', before, after });
        return after;
      });
      const [answer] = await withProgress(me.workspaceId, [goal]);
      return c.json(answer);
    })
    .delete('/:id', manage, GoalId, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await findGoal(w.tx, w.workspaceId, id);
        await w.tx.delete(goals).where(eq(goals.id, id));
        await w.event({ type: 'goal.deleted', before });
      });
      return c.body(null, 204);
    });
}

const toGoal = (row: Row): Goal => ({
  id: row.id,
  name: row.name,
  metric: row.metric as Goal['metric'],
  comparison: row.comparison,
  target: row.target,
  timeframe: row.timeframe,
  filters: row.filters,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

async function listGoals(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(goals)
    .where(eq(goals.workspaceId, workspaceId))
    .orderBy(asc(goals.createdAt), asc(goals.id));
  return rows.map(toGoal);
}

async function findGoal(db: Db | Write['tx'], workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, id)));
  if (!row) throw notFound('goal');
  return toGoal(row);
}

async function teamExists(w: Write, teamId: string | undefined) {
  if (!teamId) return;
  const [team] = await w.tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, w.workspaceId), eq(teams.id, teamId)));
  const path = 'filters.teamId';
  if (!team)
    throw new ApiFailure(400, 'invalid_body', `Invalid request body: ${path}: no such team`, [
      { path, message: 'no such team' },
    ]);
}
