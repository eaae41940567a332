import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlaCalendarRecord } from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { calendarInput, policyInput } from '../testing/sla';
import { startTestServer, type TestServer } from '../testing/test-server';

for (const target of testDatabases()) {
  describe(`SLA calendars [${target.name}]`, () => {
    let server: TestServer;
    let admin: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      admin = client(server, await server.signIn('ada@acme.test', 'admin'));
      agent = client(server, await server.signIn('ana@acme.test', 'agent'));
    });
    afterAll(() => server?.close());

    it('admins create calendars that every member reads', async () => {
      const created = await admin.post('/v1/sla/calendars', calendarInput('Berlin'));
      expect(created.status).toBe(201);
      expect(SlaCalendarRecord.parse(created.body)).toMatchObject({
        name: 'Berlin',
        alwaysOpen: false,
        holidays: [],
        holidayCountry: null,
      });
      expect((await agent.get(`/v1/sla/calendars/${created.body.id}`)).body).toEqual(created.body);
      const names = (await agent.get('/v1/sla/calendars')).body.map(
        (c: { name: string }) => c.name,
      );
      expect(names).toContain('Berlin');
    });

    it('refuses agents, bad bodies and a calendar with no working time', async () => {
      expect((await agent.post('/v1/sla/calendars', calendarInput())).status).toBe(403);
      const zone = await admin.post('/v1/sla/calendars', {
        ...calendarInput(),
        timeZone: 'Mars/Olympus',
      });
      expect(zone).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'timeZone' }] } },
      });
      const overlap = await admin.post('/v1/sla/calendars', {
        ...calendarInput(),
        weekly: {
          ...calendarInput().weekly,
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      });
      expect(overlap).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'weekly.mon' }] } },
      });
      const closed = await admin.post('/v1/sla/calendars', {
        ...calendarInput(),
        weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      });
      expect(closed).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_body', message: /at least one working window/ } },
      });
    });

    it('edits from the version seen; a stale edit gets the current calendar', async () => {
      const c = (await admin.post('/v1/sla/calendars', calendarInput('Lisbon'))).body;
      const edited = await admin.patch(`/v1/sla/calendars/${c.id}`, {
        expectedVersion: c.version,
        timeZone: 'Europe/Lisbon',
      });
      expect(edited.body).toMatchObject({ timeZone: 'Europe/Lisbon', name: 'Lisbon' });
      expect(edited.body.version).toBeGreaterThan(c.version);
      const stale = await admin.patch(`/v1/sla/calendars/${c.id}`, {
        expectedVersion: c.version,
        name: 'mine',
      });
      expect(stale).toMatchObject({
        status: 409,
        body: { error: { code: 'conflict' }, current: { timeZone: 'Europe/Lisbon' } },
      });
      const empty = await admin.patch(`/v1/sla/calendars/${c.id}`, { expectedVersion: 1 });
      expect(empty.status).toBe(400);
      expect(
        (await agent.patch(`/v1/sla/calendars/${c.id}`, { expectedVersion: 1, name: 'x' })).status,
      ).toBe(403);
      expect(
        (await admin.patch(`/v1/sla/calendars/${randomUUID()}`, { expectedVersion: 1, name: 'x' }))
          .status,
      ).toBe(404);
    });

    it("imports a country's public holidays into the calendar, keeping its own", async () => {
      const c = (
        await admin.post('/v1/sla/calendars', {
          ...calendarInput('Munich'),
          holidays: [{ date: '2026-12-24', name: 'Christmas Eve (office)' }],
        })
      ).body;
      const imported = await admin.post(`/v1/sla/calendars/${c.id}/holidays/import`, {
        country: 'DE',
        region: 'BY',
        years: [2026],
      });
      expect(imported.status).toBe(200);
      const dates = imported.body.holidays.map((h: { date: string }) => h.date);
      expect(dates).toEqual([...dates].sort());
      expect(dates).toEqual(expect.arrayContaining(['2026-01-06', '2026-12-24', '2026-12-25']));
      expect(imported.body.holidays).toContainEqual({
        date: '2026-12-24',
        name: 'Christmas Eve (office)',
      });
      expect(imported.body.holidayCountry).toEqual({ country: 'DE', region: 'BY' });

      const again = await admin.post(`/v1/sla/calendars/${c.id}/holidays/import`, {
        country: 'DE',
        region: 'BY',
        years: [2026],
      });
      expect(again.body.holidays).toHaveLength(imported.body.holidays.length);

      const unknown = await admin.post(`/v1/sla/calendars/${c.id}/holidays/import`, {
        country: 'ZZ',
        years: [2026],
      });
      expect(unknown).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'country' }] } },
      });
      const region = await admin.post(`/v1/sla/calendars/${c.id}/holidays/import`, {
        country: 'DE',
        region: 'XX',
        years: [2026],
      });
      expect(region).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'region' }] } },
      });
      const years = await admin.post(`/v1/sla/calendars/${c.id}/holidays/import`, {
        country: 'DE',
        years: [],
      });
      expect(years.status).toBe(400);
    });

    it('will not delete a calendar a policy counts by, and names that policy', async () => {
      const c = (await admin.post('/v1/sla/calendars', calendarInput('In use'))).body;
      const p = (
        await admin.post(
          '/v1/sla/policies',
          policyInput({ name: 'Business P2', clock: 'business', calendarId: c.id }),
        )
      ).body;
      const refused = await admin.delete(`/v1/sla/calendars/${c.id}`);
      expect(refused).toMatchObject({
        status: 409,
        body: {
          error: { code: 'conflict', message: /"Business P2"/ },
          policies: [{ id: p.id, name: 'Business P2' }],
        },
      });
      expect((await admin.delete(`/v1/sla/policies/${p.id}`)).status).toBe(204);
      expect((await admin.delete(`/v1/sla/calendars/${c.id}`)).status).toBe(204);
      expect((await agent.get(`/v1/sla/calendars/${c.id}`)).status).toBe(404);
    });

    it('travels to extensions in bootstrap and pull, deletes as tombstones', async () => {
      const boot = (await agent.get('/v1/bootstrap?protocol=2')).body;
      const c = (await admin.post('/v1/sla/calendars', calendarInput('Synced'))).body;
      expect(
        (await agent.get('/v1/bootstrap?protocol=2')).body.changes.map((x: { id: string }) => x.id),
      ).toContain(c.id);
      await admin.delete(`/v1/sla/calendars/${c.id}`);
      const pulled = await agent.post('/v1/pull', {
        clientId: randomUUID(),
        cursor: boot.cursor,
        protocol: 2,
      });
      expect(pulled.body.changes).toEqual([
        expect.objectContaining({ entity: 'slaCalendar', id: c.id, record: null }),
      ]);
    });

    it('stays out of bootstrap and pull for a client of the first protocol', async () => {
      const { cursor } = (await agent.get('/v1/bootstrap')).body;
      const c = (await admin.post('/v1/sla/calendars', calendarInput('Unknown to v1'))).body;
      const pulled = await agent.post('/v1/pull', { clientId: randomUUID(), cursor });
      expect(pulled.body).toMatchObject({ changes: [], hasMore: false });
      expect(pulled.body.cursor).toBeGreaterThanOrEqual(c.version);
      const entities = (await agent.get('/v1/bootstrap')).body.changes.map(
        (x: { entity: string }) => x.entity,
      );
      expect(entities).not.toContain('slaCalendar');
    });
  });
}
