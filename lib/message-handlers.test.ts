import { describe, expect, it, vi } from 'vitest';
import type { Account } from './auth/account';
import { createHandlers } from './message-handlers';
import { setMeta } from './meta';
import { SlaCalendarRecord, SlaPolicyRecord } from './schema';
import { ResponseData } from './schema/messages';
import type { SyncEngine } from './sync/engine';
import { memoryDb } from './testing/memory-db';
import { member, session } from './testing/records';

/** Handlers whose messages touch only the cache; the engine is there to announce. */
function handlers() {
  const { db } = memoryDb();
  const announceSyncState = vi.fn();
  const engine = { announceSyncState } as unknown as SyncEngine;
  return { db, announceSyncState, handlers: createHandlers(db, engine, {} as Account) };
}

describe('a mail page’s reported failure', () => {
  it('is kept for the popup, announced, and gone once dismissed', async () => {
    const { handlers: h, announceSyncState } = handlers();
    await h.reportError({
      type: 'reportError',
      source: 'gmail thread-sidebar',
      message: 'Gmail thread not fully read: the subject is missing',
    });
    expect((await h.getState({ type: 'getState' })).sync.pageError).toMatchObject({
      source: 'gmail thread-sidebar',
      message: 'Gmail thread not fully read: the subject is missing',
    });
    expect(announceSyncState).toHaveBeenCalledTimes(1);

    await h.dismissPageError({ type: 'dismissPageError' });
    expect((await h.getState({ type: 'getState' })).sync.pageError).toBeNull();
    expect(announceSyncState).toHaveBeenCalledTimes(2);
  });

  it('keeps only the newest report', async () => {
    const { handlers: h } = handlers();
    await h.reportError({ type: 'reportError', source: 'gmail row-chips', message: 'first' });
    await h.reportError({ type: 'reportError', source: 'gmail list-upsert', message: 'second' });
    expect((await h.getState({ type: 'getState' })).sync.pageError).toMatchObject({
      source: 'gmail list-upsert',
      message: 'second',
    });
  });
});

describe('SLA calendars and policies for the UI', () => {
  const weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  const calendar = (id: string, name: string) =>
    SlaCalendarRecord.parse({
      id,
      name,
      timeZone: 'Europe/Berlin',
      alwaysOpen: true,
      weekly,
      holidays: [],
      holidayCountry: null,
      version: 3,
    });
  const policy = (id: string, name: string, position: number) =>
    SlaPolicyRecord.parse({
      id,
      name,
      position,
      conditions: { priorities: [], tags: [], mailboxes: [], customerDomains: [], segments: [] },
      targets: { firstResponse: 30 },
      clock: 'calendar',
      pauseWhen: [],
      warning: null,
      calendarId: null,
      version: 4,
    });

  it('lists calendars by name and policies in match order, from the cache', async () => {
    const { db, handlers: h } = handlers();
    await setMeta(
      db,
      'session',
      session(member('00000000-0000-4000-8000-00000000000a', 'Ana', 'agent')),
    );
    await db.slaCalendars.bulkPut([
      calendar('00000000-0000-4000-8000-0000000000c2', 'New York'),
      calendar('00000000-0000-4000-8000-0000000000c1', 'Berlin'),
    ]);
    await db.slaPolicies.bulkPut([
      policy('00000000-0000-4000-8000-0000000000b2', 'General', 2),
      policy('00000000-0000-4000-8000-0000000000b1', 'Outage', 0),
    ]);
    const calendars = await h.listSlaCalendars({ type: 'listSlaCalendars' });
    expect(calendars.map((c) => c.name)).toEqual(['Berlin', 'New York']);
    const policies = await h.listSlaPolicies({ type: 'listSlaPolicies' });
    expect(policies.map((p) => p.name)).toEqual(['Outage', 'General']);
    expect(ResponseData.listSlaPolicies.parse(policies)).toEqual(policies);
  });

  it('answers only a signed-in member', async () => {
    const { handlers: h } = handlers();
    await expect(h.listSlaPolicies({ type: 'listSlaPolicies' })).rejects.toThrow('not signed in');
  });
});
