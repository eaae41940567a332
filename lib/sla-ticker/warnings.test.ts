import { describe, expect, it } from 'vitest';
import type { Conversation, SlaEvent } from '../schema';
import { policyClocks, slaState } from '../sla';
import { arrived, policy, status } from '../sla/test-fixtures';
import { conversation } from '../testing/records';
import { ana, ben, leo } from '../testing/thread-data';
import { checkWarnings, rememberWarned, warningKey } from './warnings';

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

/** Arrived at 10:00 (plus `events`), as the API evaluated it at its last event. */
function p1Conversation(id: string, patch: Partial<Conversation> = {}, events: SlaEvent[] = []) {
  const history = [arrived(iso(0)), ...events];
  const evaluatedAt = new Date(history.at(-1)?.at ?? iso(0));
  const sla = slaState({ policy: p1, calendar: null, history, now: evaluatedAt });
  return conversation(id, { sla, dueAt: sla.dueAt, ...patch });
}

const check = (list: Conversation[], listener = ana, warned: string[] = [], at = min(22)) =>
  checkWarnings(list, clocks, listener, new Set(warned), at);

describe('SLA warnings', () => {
  it('tell the assignee once their target reaches its warning time, and when the next comes', () => {
    const mine = p1Conversation('c1', { assigneeId: ana.id, subject: 'Outage' });
    expect(check([mine], ana, [], min(15))).toMatchObject({ due: [], nextAt: min(20) });
    const { due, nextAt } = check([mine]);
    expect(due).toEqual([
      {
        key: warningKey('c1', 'firstResponse', 0),
        conversationId: 'c1',
        subject: 'Outage',
        kind: 'firstResponse',
        remainingMs: 8 * 60_000,
        mine: true,
      },
    ]);
    // Resolution warns at 3 h 50.
    expect(nextAt).toBe(min(230));
    expect(check([mine], ana, [warningKey('c1', 'firstResponse', 0)]).due).toEqual([]);
  });

  it('tell nobody else of an assigned conversation; leads and admins of an unassigned one', () => {
    const theirs = p1Conversation('c1', { assigneeId: ben.id });
    expect(check([theirs]).due).toEqual([]);
    expect(check([theirs], leo).due).toEqual([]);
    const nobodys = p1Conversation('c2');
    expect(check([nobodys]).due).toEqual([]);
    expect(check([nobodys], leo).due).toMatchObject([{ conversationId: 'c2', mine: false }]);
  });

  it('say nothing of a target already overdue when first seen, or waiting', () => {
    const mine = { assigneeId: ana.id };
    expect(check([p1Conversation('c1', mine)], ana, [], min(31)).due).toEqual([]);
    const snoozed = p1Conversation('c2', { ...mine, status: 'snoozed', snoozedUntil: iso(40) }, [
      status(iso(25), 'snoozed', iso(40)),
    ]);
    // Paused in its warning window: the warning comes when the snooze ends.
    expect(check([snoozed], ana, [], min(30))).toMatchObject({ due: [], nextAt: min(40) });
    expect(check([snoozed], ana, [], min(41)).due).toMatchObject([{ conversationId: 'c2' }]);
  });

  it('come later by the time a snooze paused the clock', () => {
    const snoozed = p1Conversation(
      'c1',
      { assigneeId: ana.id, status: 'snoozed', snoozedUntil: iso(40) },
      [status(iso(15), 'snoozed', iso(40))],
    );
    // 15 min used before the snooze, 5 more after it: warned at 10:45, not 10:20.
    expect(check([snoozed], ana, [], min(30))).toMatchObject({ due: [], nextAt: min(45) });
  });

  it('lists every target still owed, so their entries are kept', () => {
    const { owed } = check([p1Conversation('c1', { assigneeId: ben.id })]);
    expect([...owed]).toEqual([
      warningKey('c1', 'firstResponse', 0),
      warningKey('c1', 'resolution', 0),
    ]);
  });
});

describe('what the background remembers having warned of', () => {
  it('keeps entries of targets still owed and of the last two weeks, and adds the new', () => {
    const day = 24 * 3_600_000;
    const entries = [
      { key: 'old-owed', at: new Date(T - 30 * day).toISOString() },
      { key: 'old-settled', at: new Date(T - 30 * day).toISOString() },
      { key: 'recent', at: new Date(T - day).toISOString() },
    ];
    const told = check([p1Conversation('c1', { assigneeId: ana.id })]).due;
    const kept = rememberWarned(entries, told, new Set(['old-owed']), T);
    expect(kept.map((e) => e.key)).toEqual(['old-owed', 'recent', 'c1:firstResponse:0']);
    expect(kept.at(-1)?.at).toBe(new Date(T).toISOString());
  });
});
