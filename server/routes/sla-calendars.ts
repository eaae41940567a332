import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  type Holiday,
  ImportHolidays,
  SlaCalendarInput,
  SlaCalendarRecord,
  UpdateSlaCalendar,
} from '../../lib/schema';
import { countryHolidays } from '../../lib/sla/country-holidays';
import { slaCalendars, slaPolicies } from '../db/schema';
import { toSlaCalendar } from '../domain/records';
import { liveCalendarRow, recomputeMarked, staleCheck, validRecord } from '../domain/sla-admin';
import { markOpenForSlaCheck } from '../domain/sla-setup';
import { type Write, write } from '../domain/write';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure } from '../http/errors';
import { body, params } from '../http/validate';
import { memberAuth, requireRole } from '../middleware/auth';

const CalendarId = params(z.object({ id: z.uuid() }), 'calendar');

/** Business calendars: every member reads them, admins write them. */
export function slaCalendarRoutes(deps: Deps) {
  const { database } = deps;
  const admin = requireRole('admin');
  return new Hono<AppEnv>()
    .use(memberAuth(deps))
    .get('/', async (c) => {
      const rows = await database.db
        .select()
        .from(slaCalendars)
        .where(
          and(
            eq(slaCalendars.workspaceId, c.var.member.workspaceId),
            isNull(slaCalendars.deletedAt),
          ),
        )
        .orderBy(asc(slaCalendars.name), asc(slaCalendars.id));
      return c.json(rows.map(toSlaCalendar));
    })
    .post('/', admin, body(SlaCalendarInput), async (c) => {
      const input = c.req.valid('json');
      const me = c.var.member;
      // A new calendar is no policy's yet: no conversation counts by it.
      const calendar = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const record = validRecord(SlaCalendarRecord, {
          ...input,
          id: randomUUID(),
          version: w.version,
        });
        const [row] = await w.tx
          .insert(slaCalendars)
          .values({ ...record, workspaceId: w.workspaceId, updatedAt: w.now })
          .returning();
        const created = toSlaCalendar(row!);
        await w.event({ type: 'sla_calendar.created', after: created });
        return created;
      });
      return c.json(calendar, 201);
    })
    .get('/:id', CalendarId, async (c) => {
      const row = await liveCalendarRow(
        database.db,
        c.var.member.workspaceId,
        c.req.valid('param').id,
      );
      return c.json(toSlaCalendar(row));
    })
    .patch('/:id', admin, CalendarId, body(UpdateSlaCalendar), async (c) => {
      const { id } = c.req.valid('param');
      const { expectedVersion, ...patch } = c.req.valid('json');
      const me = c.var.member;
      const calendar = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = toSlaCalendar(await liveCalendarRow(w.tx, w.workspaceId, id));
        staleCheck(before, expectedVersion, 'calendar');
        return saveCalendar(w, before, { ...before, ...patch }, 'sla_calendar.updated');
      });
      await recomputeMarked(database, me.workspaceId, deps.now());
      return c.json(calendar);
    })
    .delete('/:id', admin, CalendarId, async (c) => {
      const { id } = c.req.valid('param');
      const me = c.var.member;
      await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = toSlaCalendar(await liveCalendarRow(w.tx, w.workspaceId, id));
        const users = await policiesUsing(w, id);
        if (users.length)
          throw new ApiFailure(
            409,
            'conflict',
            `The calendar is used by ${users.map((p) => `"${p.name}"`).join(', ')}: give them another calendar first`,
            undefined,
            { policies: users },
          );
        await w.tx
          .update(slaCalendars)
          .set({ deletedAt: w.now, updatedAt: w.now, version: w.version })
          .where(eq(slaCalendars.id, id));
        await w.event({ type: 'sla_calendar.deleted', before });
      });
      return c.body(null, 204);
    })
    .post('/:id/holidays/import', admin, CalendarId, body(ImportHolidays), async (c) => {
      const { id } = c.req.valid('param');
      const { country, region = null, years } = c.req.valid('json');
      const imported = holidaysOf(country, region, years);
      const me = c.var.member;
      const calendar = await write(database, me.workspaceId, me.id, deps.now(), async (w) => {
        const before = toSlaCalendar(await liveCalendarRow(w.tx, w.workspaceId, id));
        const known = new Set(before.holidays.map((h) => h.date));
        const holidays = [...before.holidays, ...imported.filter((h) => !known.has(h.date))].sort(
          (a, b) => a.date.localeCompare(b.date),
        );
        return saveCalendar(
          w,
          before,
          { ...before, holidays, holidayCountry: { country, region } },
          'sla_calendar.holidays_imported',
        );
      });
      await recomputeMarked(database, me.workspaceId, deps.now());
      return c.json(calendar);
    });
}

/** Stores an edited calendar; the open conversations of policies using it are looked at again. */
async function saveCalendar(
  w: Write,
  before: SlaCalendarRecord,
  edited: SlaCalendarRecord,
  type: string,
) {
  const { id: _, ...fields } = validRecord(SlaCalendarRecord, { ...edited, version: w.version });
  const [row] = await w.tx
    .update(slaCalendars)
    .set({ ...fields, updatedAt: w.now })
    .where(eq(slaCalendars.id, before.id))
    .returning();
  const after = toSlaCalendar(row!);
  await w.event({ type, before, after });
  if ((await policiesUsing(w, before.id)).length) await markOpenForSlaCheck(w);
  return after;
}

function policiesUsing(w: Write, calendarId: string) {
  return w.tx
    .select({ id: slaPolicies.id, name: slaPolicies.name })
    .from(slaPolicies)
    .where(
      and(
        eq(slaPolicies.workspaceId, w.workspaceId),
        eq(slaPolicies.calendarId, calendarId),
        isNull(slaPolicies.deletedAt),
      ),
    )
    .orderBy(asc(slaPolicies.position));
}

/** A country or region the holiday rules do not know is the request's mistake. */
function holidaysOf(country: string, region: string | null, years: number[]): Holiday[] {
  try {
    return countryHolidays(country, region, years);
  } catch (e) {
    const path = region !== null && String(e).includes('region') ? 'region' : 'country';
    const message = e instanceof Error ? e.message : String(e);
    throw new ApiFailure(400, 'invalid_body', `Invalid request body: ${path}: ${message}`, [
      { path, message },
    ]);
  }
}
