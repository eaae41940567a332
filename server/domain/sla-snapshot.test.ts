import { describe, expect, it } from 'vitest';
import { berlin, berlinOffice, policy } from '../../lib/sla/test-fixtures';
import { conversation } from '../../lib/testing/records';
import type { LoggedEvent } from './sla-history';
import { nextCheckAt, type SlaSetup, sameSla, slaSnapshot } from './sla-snapshot';
import { teamOf } from './sla-subject';

const p1 = policy({
  name: 'P1 outage',
  targets: { firstResponse: 30 },
  conditions: {
    priorities: ['urgent'],
    tags: [],
    mailboxes: [],
    customerDomains: [],
    segments: [],
  },
  warning: { unit: 'minutes', value: 10 },
});
const setup: SlaSetup = {
  policies: [p1],
  calendars: new Map([[berlinOffice.id, berlinOffice]]),
  team: teamOf(['ana@acme.test'], []),
};
const outage = conversation('c1', {
  priority: 'urgent',
  firstMessageAt: berlin('2026-11-20T16:30'),
});
const at = (text: string) => new Date(berlin(text));
const snapshot = (now: string) => slaSnapshot(outage, [], setup, at(now));
const points = (now: string, events: LoggedEvent[] = []) =>
  slaSnapshot(outage, events, setup, at(now)).points.map((p) => ({
    kind: p.kind,
    at: new Date(p.at).toISOString(),
    reached: p.reached,
  }));

describe('when a conversation warns and breaches', () => {
  it('has no SLA when no policy matches', () => {
    expect(slaSnapshot({ ...outage, priority: 'low' }, [], setup, at('2026-11-20T16:35'))).toEqual({
      sla: null,
      dueAt: null,
      points: [],
    });
  });

  it('warns at the warning time and breaches at the first working instant after due', () => {
    expect(snapshot('2026-11-20T16:35').dueAt).toBe(berlin('2026-11-20T17:00'));
    expect(points('2026-11-20T16:35')).toEqual([
      { kind: 'warning', at: berlin('2026-11-20T16:50'), reached: false },
      // Used up at Friday's closing, it is still met until Monday's opening.
      { kind: 'breach', at: '2026-11-23T08:00:00.001Z', reached: false },
    ]);
  });

  it('has reached the warning after it, and the breach once the office opened again', () => {
    expect(points('2026-11-20T17:05')[0]).toMatchObject({ kind: 'warning', reached: true });
    expect(points('2026-11-23T09:10')).toEqual([
      { kind: 'breach', at: berlin('2026-11-20T17:00'), reached: true },
    ]);
  });

  it('has nothing left once the target is met in time', () => {
    const replied = [
      {
        type: 'conversation.replied',
        after: { at: berlin('2026-11-20T16:40') },
        at: at('2026-11-20T16:40'),
      },
    ];
    expect(points('2026-11-20T16:45', replied)).toEqual([]);
  });
});

describe('when the sweep looks again', () => {
  it('after a change, at the earliest point, reached or not', () => {
    const now = at('2026-11-20T17:05');
    expect(nextCheckAt(snapshot('2026-11-20T17:05').points, now, false)).toEqual(
      at('2026-11-20T16:50'),
    );
  });

  it('after a sweep recorded what was reached, at the next point ahead', () => {
    const now = at('2026-11-20T17:05');
    expect(nextCheckAt(snapshot('2026-11-20T17:05').points, now, true)?.toISOString()).toBe(
      '2026-11-23T08:00:00.001Z',
    );
    expect(nextCheckAt([], now, true)).toBeNull();
  });
});

describe('whether an evaluation is worth a new version', () => {
  it('not for time used alone, but for a new state', () => {
    const a = snapshot('2026-11-20T16:35');
    const b = snapshot('2026-11-20T16:45');
    expect(a.sla?.firstResponse?.usedMs).not.toBe(b.sla?.firstResponse?.usedMs);
    expect(sameSla(a.sla, b.sla)).toBe(true);
    expect(sameSla(a.sla, snapshot('2026-11-23T09:10').sla)).toBe(false);
    expect(sameSla(a.sla, null)).toBe(false);
  });
});
