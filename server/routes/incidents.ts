import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  CreateIncidentMonitor,
  IncidentListQuery,
  type IncidentMonitor,
  UpdateIncidentMonitor,
} from '../../lib/schema';
import { toIncident, toMonitor } from '../automation/incident-records';
import { incidentMonitors, incidents, teams, templates } from '../db/schema';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure, notFound } from '../http/errors';
import { body, invalidBody, params, query } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

const Id = params(z.object({ id: z.uuid() }), 'incident');
const MonitorId = params(z.object({ id: z.uuid() }), 'monitor');

/** The most incidents one list shows. */
const LIST_LIMIT = 100;

/**
 * Spike detection: leads and admins keep the monitors and resolve incidents; every member
 * sees the incidents (the sidebar's banner).
 */
export function incidentRoutes(deps: Deps) {
  const { database } = deps;
  const manage = requireRole('lead', 'admin');
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/monitors', manage, async (c) => {
      const rows = await database.db
        .select()
        .from(incidentMonitors)
        .where(
          and(
            eq(incidentMonitors.workspaceId, c.var.member.workspaceId),
            isNull(incidentMonitors.deletedAt),
          ),
        )
        .orderBy(asc(incidentMonitors.name), asc(incidentMonitors.id));
      return c.json(rows.map(toMonitor));
    })
    .post('/monitors', manage, body(CreateIncidentMonitor), async (c) => {
      const input = c.req.valid('json');
      const me = c.var.member;
      const monitor = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        await checkLinks(w, input);
        const [row] = await w.tx
          .insert(incidentMonitors)
          .values({ ...input, id: randomUUID(), workspaceId: w.workspaceId })
          .returning();
        const created = toMonitor(row!);
        await w.event({ type: 'incident_monitor.created', after: created });
        return created;
      });
      return c.json(monitor, 201);
    })
    .patch('/monitors/:id', manage, MonitorId, body(UpdateIncidentMonitor), async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const me = c.var.member;
      const monitor = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await liveMonitor(w, id);
        const merged = CreateIncidentMonitor.safeParse({ ...before, ...patch });
        if (!merged.success) throw invalidBody(merged.error);
        await checkLinks(w, patch);
        const [row] = await w.tx
          .update(incidentMonitors)
          .set(merged.data)
          .where(eq(incidentMonitors.id, id))
          .returning();
        const after = toMonitor(row!);
        await w.event({ type: 'incident_monitor.updated', before, after });
        return after;
      });
      return c.json(monitor);
    })
    .delete('/monitors/:id', manage, MonitorId, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = await liveMonitor(w, id);
        await w.tx
          .update(incidentMonitors)
          .set({ deletedAt: w.now })
          .where(eq(incidentMonitors.id, id));
        await w.event({ type: 'incident_monitor.deleted', before });
      });
      return c.body(null, 204);
    })
    .get('/', query(IncidentListQuery), async (c) => {
      const { state } = c.req.valid('query');
      const rows = await database.db
        .select()
        .from(incidents)
        .where(
          and(
            eq(incidents.workspaceId, c.var.member.workspaceId),
            state === 'open' ? isNull(incidents.resolvedAt) : undefined,
          ),
        )
        .orderBy(desc(incidents.openedAt), desc(incidents.id))
        .limit(LIST_LIMIT);
      return c.json(rows.map(toIncident));
    })
    .post('/:id/resolve', manage, Id, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      const incident = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const [row] = await w.tx
          .select()
          .from(incidents)
          .where(and(eq(incidents.id, id), eq(incidents.workspaceId, w.workspaceId)));
        if (!row) throw notFound('incident');
        if (row.resolvedAt) throw new ApiFailure(409, 'conflict', 'The incident is resolved');
        const [resolved] = await w.tx
          .update(incidents)
          .set({ resolvedAt: w.now })
          .where(eq(incidents.id, id))
          .returning();
        const after = toIncident(resolved!);
        await w.event({ type: 'incident.resolved', before: toIncident(row), after });
        return after;
      });
      return c.json(incident);
    });
}

async function liveMonitor(w: Write, id: string): Promise<IncidentMonitor> {
  const [row] = await w.tx
    .select()
    .from(incidentMonitors)
    .where(
      and(
        eq(incidentMonitors.id, id),
        eq(incidentMonitors.workspaceId, w.workspaceId),
        isNull(incidentMonitors.deletedAt),
      ),
    );
  if (!row) throw notFound('monitor');
  return toMonitor(row);
}

/** The team must be one of the workspace's; the reply a live shared template of it. */
async function checkLinks(w: Write, links: { teamId?: string | null; templateId?: string | null }) {
  const [team, template] = await Promise.all([
    links.teamId
      ? w.tx
          .select({ id: teams.id })
          .from(teams)
          .where(and(eq(teams.id, links.teamId), eq(teams.workspaceId, w.workspaceId)))
      : [{ id: null }],
    links.templateId
      ? w.tx
          .select({ id: templates.id })
          .from(templates)
          .where(
            and(
              eq(templates.id, links.templateId),
              eq(templates.workspaceId, w.workspaceId),
              isNull(templates.deletedAt),
              ne(templates.scope, 'personal'),
            ),
          )
      : [{ id: null }],
  ]);
  if (!team.length) throw unknownLink('teamId', 'no such team in this workspace');
  if (!template.length)
    throw unknownLink('templateId', 'no such team or workspace template in this workspace');
}

const unknownLink = (path: string, message: string) =>
  new ApiFailure(400, 'invalid_body', `Invalid request body: ${path}: ${message}`, [
    { path, message },
  ]);
