import { describe, expect, it } from 'vitest';
import type { SlaTargetState } from '../schema/sla';
import { countdownLabel, duePreview, formatDuration } from './format';
import { berlin, calendar, MINUTE, newYork, newYorkOffice, policy } from './test-fixtures';

describe('durations', () => {
  it('rounds up to whole minutes and shows hours and minutes', () => {
    expect(formatDuration(0)).toBe('0m');
    expect(formatDuration(30_000)).toBe('1m');
    expect(formatDuration(12 * MINUTE)).toBe('12m');
    expect(formatDuration(63 * MINUTE)).toBe('1h 3m');
    expect(formatDuration(-63 * MINUTE)).toBe('1h 3m');
    expect(formatDuration(120 * MINUTE)).toBe('2h');
    expect(formatDuration(26 * 60 * MINUTE + 5 * MINUTE)).toBe('26h 5m');
  });
});

describe('countdown labels', () => {
  const target = (patch: Partial<SlaTargetState>): SlaTargetState => ({
    kind: 'firstResponse',
    state: 'running',
    startedAt: '2026-03-02T09:00:00.000Z',
    dueAt: null,
    warnAt: null,
    completedAt: null,
    usedMs: 0,
    remainingMs: 12 * MINUTE,
    ...patch,
  });

  it('labels each state', () => {
    expect(countdownLabel(target({}))).toBe('FR 12m');
    expect(countdownLabel(target({ kind: 'nextResponse', state: 'paused' }))).toBe('NR paused 12m');
    expect(countdownLabel(target({ state: 'breached', remainingMs: -63 * MINUTE }))).toBe(
      'FR overdue 1h 3m',
    );
    expect(
      countdownLabel(
        target({
          kind: 'resolution',
          state: 'breached',
          remainingMs: -5 * MINUTE,
          completedAt: '2026-03-02T10:00:00.000Z',
        }),
      ),
    ).toBe('RES missed by 5m');
    expect(countdownLabel(target({ state: 'met', completedAt: '2026-03-02T09:10:00.000Z' }))).toBe(
      'FR met',
    );
  });
});

describe('due preview', () => {
  it('says when a P1 email arriving Friday evening is due', () => {
    const office = calendar('Berlin 9–18', 'Europe/Berlin', {
      mon: [{ start: '09:00', end: '18:00' }],
      fri: [{ start: '09:00', end: '18:00' }],
    });
    const p1 = policy({
      name: 'P1 outage',
      targets: { firstResponse: 30 },
      calendarId: office.id,
    });
    // 10 min Friday (17:50–18:00), 20 min from Monday 09:00.
    expect(
      duePreview({
        policy: p1,
        calendar: office,
        kind: 'firstResponse',
        arrival: new Date(berlin('2026-03-06T17:50')),
        timeZone: 'Europe/Berlin',
      }),
    ).toBe('a P1 outage email arriving Friday 17:50 is due Monday 09:20');
    expect(
      duePreview({
        policy: p1,
        calendar: office,
        kind: 'resolution',
        arrival: new Date(berlin('2026-03-06T17:50')),
        timeZone: 'Europe/Berlin',
      }),
    ).toBeNull();
  });

  it('dates a due time a week or more away', () => {
    const long = policy({
      name: 'Enterprise project',
      targets: { resolution: 200 * 60 },
      calendarId: newYorkOffice.id,
    });
    // 200 h of 8-hour days = 25 working days from Monday 5 January.
    expect(
      duePreview({
        policy: long,
        calendar: newYorkOffice,
        kind: 'resolution',
        arrival: new Date(newYork('2026-01-05T09:00')),
        timeZone: 'America/New_York',
      }),
    ).toBe('an Enterprise project email arriving Monday 09:00 is due Friday 2026-02-06 17:00');
  });
});
