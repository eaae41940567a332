import { describe, expect, it } from 'vitest';
import type { Conversation, SlaEvent } from '../schema';
import { policyClocks, slaState, zonedInstant } from '../sla';
import { arrived, calendar, policy, reply, status } from '../sla/test-fixtures';
import { conversation } from '../testing/records';
import { ana, ben, leo } from '../testing/thread-data';
import { type BreachEntry, checkBreaches, planBreachAlerts, type SlaBreach } from './breaches';
import { type Listener, warningKey } from './warnings';

// P1: first response 30 min and resolution 4 h of calendar time, warned 10 min before;
// paused while snoozed.
const p1 = policy({
  name: 'P1 outage',
  targets: { firstResponse: 30, resolution: 240 },
  clock: 'calendar',
  calendarId: null,
  warning: { unit: 'minutes', value: 10 },
  pauseWhen: ['snoozed'],
});
const clocks = policyClocks([p1], []);
const T = Date.parse('2026-03-02T10:00:00.000Z');
const min = (n: number) => T + n * 60_000;
const iso = (n: number) => new Date(min(n)).toISOString();
const admin = { id: '00000000-0000-4000-8000-00000000000a', role: 'admin' as const };

/** Arrived at 10:00 (plus `events`), as the API evaluated it at its last event. */
function p1Conversation(id: string, patch: Partial<Conversation> = {}, events: SlaEvent[] = []) {
  const history = [arrived(iso(0)), ...events];
  const evaluatedAt = new Date(history.at(-1)?.at ?? iso(0));
  const sla = slaState({ policy: p1, calendar: null, history, now: evaluatedAt });
  return conversation(id, { sla, dueAt: sla.dueAt, ...patch });
}

const check = (list: Conversation[], listener: Listener = leo, told: string[] = [], at = min(31)) =>
  checkBreaches(list, clocks, listener, new Set(told), at);

describe('SLA breaches', () => {
  it('tell leads and admins once a target is overdue, assigned or not, and when the next comes', () => {
    const assigned = p1Conversation('c1', { assigneeId: ana.id, subject: 'Outage' });
    const nobodys = p1Conversation('c2', { subject: 'Down again' });
    // Due at 10:30: nothing yet, the next breach is the first instant past it.
    expect(check([assigned, nobodys], leo, [], min(29))).toMatchObject({
      due: [],
      nextAt: min(30) + 1,
    });
    const { due, nextAt } = check([assigned, nobodys], leo, [], min(31));
    expect(due).toEqual([
      {
        key: warningKey('c1', 'firstResponse', 0),
        conversationId: 'c1',
        subject: 'Outage',
        kind: 'firstResponse',
        clock: 0,
        overdueMs: 60_000,
        assigneeId: ana.id,
        fresh: true,
      },
      expect.objectContaining({ conversationId: 'c2', assigneeId: null, fresh: true }),
    ]);
    // Resolution breaches after 14:00.
    expect(nextAt).toBe(min(240) + 1);
    expect(check([assigned, nobodys], admin).due).toHaveLength(2);
    expect(check([assigned], leo, [warningKey('c1', 'firstResponse', 0)]).due).toEqual([]);
  });

  it('tell agents nothing, not even the assignee, who had the warning', () => {
    const mine = p1Conversation('c1', { assigneeId: ana.id });
    expect(check([mine], ana)).toMatchObject({ due: [], nextAt: null });
    expect(check([mine], ben).due).toEqual([]);
    // Still owed: the entries stay remembered whoever listens.
    expect([...check([mine], ana).owed]).toEqual([
      warningKey('c1', 'firstResponse', 0),
      warningKey('c1', 'resolution', 0),
    ]);
  });

  it('count a clock paused overdue, wait for a paused one to resume, skip met ones', () => {
    const pausedOverdue = p1Conversation('c1', { status: 'snoozed', snoozedUntil: iso(90) }, [
      status(iso(40), 'snoozed', iso(90)),
    ]);
    expect(check([pausedOverdue], leo, [], min(50)).due).toMatchObject([
      { conversationId: 'c1', kind: 'firstResponse', overdueMs: 10 * 60_000 },
    ]);
    const pausedInTime = p1Conversation('c2', { status: 'snoozed', snoozedUntil: iso(40) }, [
      status(iso(20), 'snoozed', iso(40)),
    ]);
    // 20 min used before the snooze, 10 more after it ends at 10:40: breached after 10:50.
    expect(check([pausedInTime], leo, [], min(35))).toMatchObject({ due: [], nextAt: min(40) });
    expect(check([pausedInTime], leo, [], min(51)).due).toMatchObject([{ conversationId: 'c2' }]);
    const replied = p1Conversation('c3', {}, [reply(iso(20))]);
    expect(check([replied], leo, [], min(60))).toMatchObject({ due: [], nextAt: min(240) + 1 });
  });

  it('call a breach first seen long after it happened not fresh', () => {
    const old = p1Conversation('c1');
    expect(check([old], leo, [], min(44)).due[0]?.fresh).toBe(true);
    expect(check([old], leo, [], min(46)).due[0]?.fresh).toBe(false);
  });

  it('date a breach by the first working instant past due, not the due time', () => {
    // Berlin, Mon–Fri 09–17; arrived Friday 16:30, so due at Friday's 17:00 closing.
    const office = calendar('Berlin', 'Europe/Berlin', {
      mon: [{ start: '09:00', end: '17:00' }],
      fri: [{ start: '09:00', end: '17:00' }],
    });
    const business = policy({
      name: 'P1 business',
      targets: { firstResponse: 30 },
      clock: 'business',
      calendarId: office.id,
      warning: { unit: 'minutes', value: 10 },
    });
    const friday = zonedInstant('Europe/Berlin', '2026-03-06T16:30');
    const history = [arrived(new Date(friday).toISOString())];
    const sla = slaState({ policy: business, calendar: office, history, now: new Date(friday) });
    const c = conversation('c1', { sla, dueAt: sla.dueAt });
    const at = (wall: string) => zonedInstant('Europe/Berlin', wall);
    const breachesAt = (wall: string) =>
      checkBreaches([c], policyClocks([business], [office]), leo, new Set(), at(wall));
    expect(breachesAt('2026-03-06T18:00')).toMatchObject({
      due: [],
      nextAt: at('2026-03-09T09:00') + 1,
    });
    expect(breachesAt('2026-03-09T09:05').due).toMatchObject([
      { fresh: true, overdueMs: 5 * 60_000 },
    ]);
    expect(breachesAt('2026-03-09T09:30').due).toMatchObject([{ fresh: false }]);
  });
});

const breach = (n: number, patch: Partial<SlaBreach> = {}): SlaBreach => ({
  key: `c${n}:firstResponse:0`,
  conversationId: `c${n}`,
  subject: `Order #${n}`,
  kind: 'firstResponse',
  clock: 0,
  overdueMs: 60_000,
  assigneeId: null,
  fresh: true,
  ...patch,
});

describe('how breaches are told', () => {
  const owed = new Set<string>();
  const keys = (entries: BreachEntry[]) => entries.map((e) => e.key);

  it('one by one while fresh and few, and every one remembered', () => {
    const { alerts, entries } = planBreachAlerts([breach(1), breach(2)], [], owed, T);
    expect(alerts).toEqual({ single: [breach(1), breach(2)], summary: [] });
    expect(entries).toEqual([
      { key: 'c1:firstResponse:0', at: new Date(T).toISOString() },
      { key: 'c2:firstResponse:0', at: new Date(T).toISOString() },
    ]);
  });

  it('old ones in one summary, at most once an hour; many fresh ones all in one', () => {
    const stale = [3, 4, 5].map((n) => breach(n, { fresh: false }));
    const first = planBreachAlerts([breach(1), ...stale], [], owed, T);
    expect(first.alerts).toEqual({ single: [breach(1)], summary: stale });
    expect(first.entries.filter((e) => e.summary).map((e) => e.key)).toEqual(
      keys(first.entries).slice(1),
    );
    // Another page of an old desk's bootstrap: remembered, not told again.
    const later = planBreachAlerts([breach(6, { fresh: false })], first.entries, owed, T + 60_000);
    expect(later.alerts).toEqual({ single: [], summary: [] });
    expect(keys(later.entries)).toContain('c6:firstResponse:0');
    const hourLater = planBreachAlerts(
      [breach(7, { fresh: false })],
      first.entries,
      owed,
      T + 3_600_000,
    );
    expect(hourLater.alerts.summary).toHaveLength(1);

    const many = [1, 2, 3, 4].map((n) => breach(n));
    expect(planBreachAlerts(many, first.entries, owed, T).alerts).toEqual({
      single: [],
      summary: many,
    });
  });

  it('keeps entries of targets still owed and of the last two weeks', () => {
    const day = 24 * 3_600_000;
    const entries = [
      { key: 'old-owed', at: new Date(T - 30 * day).toISOString() },
      { key: 'old-settled', at: new Date(T - 30 * day).toISOString() },
      { key: 'recent', at: new Date(T - day).toISOString() },
    ];
    const kept = planBreachAlerts([breach(1)], entries, new Set(['old-owed']), T).entries;
    expect(keys(kept)).toEqual(['old-owed', 'recent', 'c1:firstResponse:0']);
  });
});
