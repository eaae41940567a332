import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  CreateTeam,
  SetTeamMembers,
  type Team,
  UpdateTeam,
  UpdateTeamRouting,
} from '../../lib/schema';
import type { Db, Tx } from '../db/open';
import { incidentMonitors, members, teamMembers, teams, templates } from '../db/schema';
import { touchTeamTemplates } from '../domain/templates';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, notFound } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

const TeamId = params(z.object({ id: z.uuid() }), 'team');

/** Leads and admins manage teams (create, rename, members, delete); everyone reads them. */
export function teamRoutes(deps: Deps) {
  const { database } = deps;
  const manage = requireRole('lead', 'admin');
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/', async (c) => c.json(await listTeams(database.db, c.var.member.workspaceId)))
    .post('/', manage, body(CreateTeam), async (c) => {
      const { name, memberIds } = c.req.valid('json');
      const me = c.var.member;
      const team = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        await nameFree(w, name);
        const id = randomUUID();
        await w.tx.insert(teams).values({ id, workspaceId: w.workspaceId, name, createdAt: w.now });
        await setMembers(w, id, memberIds);
        const team = await findTeam(w.tx, w.workspaceId, id);
        await w.event({ type: 'team.created', after: team });
        return team;
      });
      return c.json(team, 201);
    })
    .patch('/:id', manage, TeamId, body(UpdateTeam), async (c) => {
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('json');
      const me = c.var.member;
      const team = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await findTeam(w.tx, w.workspaceId, id);
        if (name !== before.name) await nameFree(w, name);
        await w.tx.update(teams).set({ name }).where(eq(teams.id, id));
        const after = { ...before, name };
        await w.event({ type: 'team.updated', before, after });
        return after;
      });
      return c.json(team);
    })
    .patch('/:id/routing', manage, TeamId, body(UpdateTeamRouting), async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const me = c.var.member;
      const team = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await findTeam(w.tx, w.workspaceId, id);
        const routing = { ...before.routing, ...patch };
        if (patch.escalatesTo) await checkEscalation(w, id, patch.escalatesTo);
        await w.tx.update(teams).set({ routing }).where(eq(teams.id, id));
        const after = { ...before, routing };
        await w.event({ type: 'team.routing_updated', before, after });
        return after;
      });
      return c.json(team);
    })
    .put('/:id/members', manage, TeamId, body(SetTeamMembers), async (c) => {
      const { id } = c.req.valid('param');
      const { memberIds } = c.req.valid('json');
      const me = c.var.member;
      const team = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await findTeam(w.tx, w.workspaceId, id);
        await w.tx.delete(teamMembers).where(eq(teamMembers.teamId, id));
        await setMembers(w, id, memberIds);
        await touchTeamTemplates(w, id);
        const after = await findTeam(w.tx, w.workspaceId, id);
        await w.event({ type: 'team.updated', before, after });
        return after;
      });
      return c.json(team);
    })
    .delete('/:id', manage, TeamId, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await findTeam(w.tx, w.workspaceId, id);
        const [{ n }] = (await w.tx
          .select({ n: count() })
          .from(templates)
          .where(and(eq(templates.teamId, id), isNull(templates.deletedAt)))) as [{ n: number }];
        // Its templates would silently become every team's: they must move first.
        if (n > 0)
          throw new ApiFailure(
            409,
            'conflict',
            `The team has ${n} template(s): move or delete them first`,
          );
        await w.tx.delete(teams).where(eq(teams.id, id));
        // The tiers that escalated to it become the last ones; its monitors route nowhere.
        await w.tx
          .update(incidentMonitors)
          .set({ teamId: null })
          .where(
            and(eq(incidentMonitors.workspaceId, w.workspaceId), eq(incidentMonitors.teamId, id)),
          );
        await w.tx
          .update(teams)
          .set({ routing: sql`jsonb_set(${teams.routing}, '{escalatesTo}', 'null')` })
          .where(
            and(
              eq(teams.workspaceId, w.workspaceId),
              sql`${teams.routing}->>'escalatesTo' = ${id}`,
            ),
          );
        await w.event({ type: 'team.deleted', before });
      });
      return c.body(null, 204);
    });
}

async function listTeams(db: Db | Tx, workspaceId: string, id?: string): Promise<Team[]> {
  const rows = await db
    .select({
      id: teams.id,
      name: teams.name,
      routing: teams.routing,
      memberId: teamMembers.memberId,
    })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(and(eq(teams.workspaceId, workspaceId), id ? eq(teams.id, id) : undefined))
    .orderBy(asc(teams.name), asc(teamMembers.memberId));
  const byId = new Map<string, Team>();
  for (const r of rows) {
    const team = byId.get(r.id) ?? {
      id: r.id,
      name: r.name,
      memberIds: [] as string[],
      routing: r.routing,
    };
    if (r.memberId) team.memberIds.push(r.memberId);
    byId.set(r.id, team);
  }
  return [...byId.values()];
}

async function findTeam(tx: Tx, workspaceId: string, id: string) {
  const [team] = await listTeams(tx, workspaceId, id);
  if (!team) throw notFound('team');
  return team;
}

async function nameFree(w: Write, name: string) {
  const [taken] = await w.tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, w.workspaceId), eq(teams.name, name)));
  if (taken) throw new ApiFailure(409, 'conflict', `A team named "${name}" exists`);
}

/** Members of this workspace only; deactivated ones may stay in a team. */
async function setMembers(w: Write, teamId: string, memberIds: string[]) {
  if (!memberIds.length) return;
  const found = await w.tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, w.workspaceId), inArray(members.id, memberIds)));
  const known = new Set(found.map((m) => m.id));
  const index = memberIds.findIndex((id) => !known.has(id));
  if (index >= 0) {
    const path = `memberIds.${index}`;
    throw new ApiFailure(400, 'invalid_body', `Invalid request body: ${path}: no such member`, [
      { path, message: 'no such member' },
    ]);
  }
  await w.tx.insert(teamMembers).values(memberIds.map((memberId) => ({ teamId, memberId })));
}

/** The next tier is another team of the workspace, and the tiers never lead back. */
async function checkEscalation(w: Write, teamId: string, escalatesTo: string) {
  const rows = await w.tx
    .select({ id: teams.id, routing: teams.routing })
    .from(teams)
    .where(eq(teams.workspaceId, w.workspaceId));
  const next = new Map(rows.map((r) => [r.id, r.routing.escalatesTo]));
  const refuse = (message: string) =>
    new ApiFailure(400, 'invalid_body', `Invalid request body: escalatesTo: ${message}`, [
      { path: 'escalatesTo', message },
    ]);
  if (!next.has(escalatesTo)) throw refuse('no such team in this workspace');
  const seen = new Set([teamId]);
  for (let at: string | null | undefined = escalatesTo; at; at = next.get(at)) {
    if (seen.has(at)) throw refuse('the tiers would escalate in a circle');
    seen.add(at);
  }
}
