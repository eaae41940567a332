import { describe, expect, it } from 'vitest';
import { toConversationRow } from '../db';
import { getMeta, setMeta } from '../meta';
import type { ChangeNotice } from '../schema/messages';
import { slaState } from '../sla';
import { arrived, policy } from '../sla/test-fixtures';
import { memoryDb } from '../testing/memory-db';
import { conversation, member, session } from '../testing/records';
import type { BreachAlerts } from './breaches';
import { CLOCK_NOTICE, SlaTicker } from './ticker';
import type { SlaWarning } from './warnings';

// P1: first response within 30 min of calendar time, warned 10 min before.
const p1 = policy({
  name: 'P1 outage',
  targets: { firstResponse: 30 },
  clock: 'calendar',
  calendarId: null,
  warning: { unit: 'minutes', value: 10 },
});
const ana = member('00000000-0000-4000-8000-000000000001', 'Ana', 'agent');
const leo = member('00000000-0000-4000-8000-000000000003', 'Leo', 'lead');
const T = Date.parse('2026-03-02T10:00:00.000Z');
const min = (n: number) => T + n * 60_000;

/** Timers the test moves by hand; Dexie keeps the real ones. */
function manualTimers(start: number) {
  let now = start;
  let next = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      pending.set(++next, { at: now + ms, fn });
      return next;
    },
    clearTimeout: (id: unknown) => void pending.delete(id as number),
    /** When the earliest timer would fire; null when none waits. */
    nextAt: () => Math.min(...[...pending.values()].map((p) => p.at)),
    /** Moves to `at`, firing the timers due by then. */
    advanceTo(at: number) {
      now = at;
      for (const [id, p] of [...pending]) {
        if (p.at > at) continue;
        pending.delete(id);
        p.fn();
      }
    },
  };
}

async function seeded(me = ana) {
  const store = memoryDb();
  const { db } = store;
  await setMeta(db, 'session', session(me));
  await db.members.bulkPut([ana, leo]);
  await db.slaPolicies.put({ ...p1, version: 1 });
  const history = [arrived(new Date(T).toISOString())];
  const sla = slaState({ policy: p1, calendar: null, history, now: new Date(T) });
  const mine = conversation('c1', { assigneeId: ana.id, subject: 'Outage', sla, dueAt: sla.dueAt });
  await db.conversations.put(toConversationRow(mine));
  return store;
}

function ticker(db: ReturnType<typeof memoryDb>['db'], at: number) {
  const timers = manualTimers(at);
  const heard: ChangeNotice[] = [];
  const shown: SlaWarning[][] = [];
  const breaches: BreachAlerts[] = [];
  const alarms: (number | null)[] = [];
  const sla = new SlaTicker({
    db,
    broadcast: (n) => heard.push(n),
    notify: async (w) => void shown.push(w),
    notifyBreaches: async (b) => void breaches.push(b),
    alarm: {
      set: async (when) => void alarms.push(when),
      clear: async () => void alarms.push(null),
    },
    timers,
  });
  return { sla, timers, heard, shown, breaches, alarms };
}

describe('the SLA ticker', () => {
  it('warns once at the warning time, remembered in Dexie across a worker restart', async () => {
    const { db, factory } = await seeded();
    const first = ticker(db, min(5));
    await first.sla.wake();
    expect(first.shown).toEqual([]);
    // The alarm wakes a stopped worker for the warning at 10:20.
    expect(first.alarms).toEqual([min(20)]);
    expect(first.timers.nextAt()).toBe(min(20) + 50);

    first.timers.advanceTo(min(20) + 50);
    await first.sla.check();
    expect(first.shown).toEqual([
      [expect.objectContaining({ conversationId: 'c1', kind: 'firstResponse', mine: true })],
    ]);
    expect((await getMeta(db, 'slaWarned'))?.map((e) => e.key)).toEqual(['c1:firstResponse:0']);
    expect(first.alarms.at(-1)).toBeNull();

    // The worker restarts (same IndexedDB): the warning is not shown again.
    db.close();
    const { db: reopened } = memoryDb(factory);
    const second = ticker(reopened, min(21));
    await second.sla.wake();
    expect(second.shown).toEqual([]);
  });

  it('while a page listens, wakes on the next minute and tells it the clock moved', async () => {
    const { db } = await seeded();
    const t = ticker(db, min(5) + 20_000);
    t.sla.setListening(true);
    t.timers.advanceTo(t.timers.nextAt());
    await t.sla.check();
    expect(t.timers.nextAt()).toBe(min(6) + 50);
    t.timers.advanceTo(min(6) + 50);
    await t.sla.check();
    expect(t.heard).toEqual([CLOCK_NOTICE]);
    // No page listens: only the warning at 10:20 is worth a wake.
    t.sla.setListening(false);
    t.timers.advanceTo(t.timers.nextAt());
    await t.sla.check();
    expect(t.timers.nextAt()).toBe(min(20) + 50);
  });

  it('checks again after a change, once per burst, and stops when signed out', async () => {
    const { db } = await seeded();
    const t = ticker(db, min(21));
    const change = { type: 'changed' as const, conversationIds: ['c1'], tables: [] };
    t.sla.changed(change);
    t.sla.changed(change);
    t.sla.changed({ type: 'changed', conversationIds: [], tables: ['tags'] });
    t.timers.advanceTo(t.timers.nextAt());
    await t.sla.check();
    expect(t.shown).toHaveLength(1);

    await db.meta.delete('session');
    t.sla.changed({ type: 'changed', conversationIds: [], tables: ['session'] });
    t.timers.advanceTo(t.timers.nextAt());
    await t.sla.check();
    expect(t.timers.nextAt()).toBe(Infinity);
    expect(t.alarms.at(-1)).toBeNull();
  });

  it('tells a lead of a breach once, named, remembered across a restart; the agent never', async () => {
    const { db, factory } = await seeded(leo);
    const first = ticker(db, min(25));
    await first.sla.wake();
    // Assigned to Ana: the lead has no warning to wait for, only the breach after 10:30.
    expect(first.alarms).toEqual([min(30) + 1]);
    first.timers.advanceTo(min(30) + 51);
    await first.sla.check();
    expect(first.breaches).toEqual([
      {
        single: [
          expect.objectContaining({
            conversationId: 'c1',
            kind: 'firstResponse',
            assignee: 'Ana',
            fresh: true,
          }),
        ],
        summary: [],
      },
    ]);
    expect((await getMeta(db, 'slaBreached'))?.map((e) => e.key)).toEqual(['c1:firstResponse:0']);
    expect(first.shown).toEqual([]);

    db.close();
    const { db: reopened } = memoryDb(factory);
    const second = ticker(reopened, min(32));
    await second.sla.wake();
    expect(second.breaches).toEqual([]);

    // Ana, the assignee, had the warning; the breach is not hers to hear.
    const agent = await seeded(ana);
    const hers = ticker(agent.db, min(25));
    await hers.sla.wake();
    expect(hers.shown).toHaveLength(1);
    // Her only alarm was that warning: no wake for the breach.
    expect(hers.alarms).toEqual([null]);
    hers.timers.advanceTo(min(31));
    await hers.sla.check();
    expect(hers.breaches).toEqual([]);
  });

  it('sums up a breach already old when first seen, once', async () => {
    const { db } = await seeded(leo);
    const t = ticker(db, min(90));
    await t.sla.wake();
    expect(t.breaches).toEqual([
      { single: [], summary: [expect.objectContaining({ conversationId: 'c1', fresh: false })] },
    ]);
    t.sla.changed({ type: 'changed', conversationIds: ['c1'], tables: [] });
    t.timers.advanceTo(t.timers.nextAt());
    await t.sla.check();
    expect(t.breaches).toHaveLength(1);
  });
});
