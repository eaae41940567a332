import { describe, expect, it } from 'vitest';
import type { SlaEvent, SlaPolicy, Status } from '../schema';
import { type CountdownSubject, policyClocks, slaState } from '../sla';
import { arrived, berlin, berlinOffice, policy, reply, status } from '../sla/test-fixtures';
import { nextLabelChange } from './next-wake';

// Berlin office, Mon–Fri 09–12 and 13–17. P3: first response 4 h, warned 48 min before.
const p3 = policy({
  name: 'P3 general',
  targets: { firstResponse: 4 * 60 },
  warning: { unit: 'percent', value: 20 },
});
// P1: 30 min of calendar time, warned 10 min before; P2 pauses while snoozed.
const p1 = policy({
  id: '00000000-0000-4000-8000-0000000000b1',
  name: 'P1 outage',
  targets: { firstResponse: 30 },
  clock: 'calendar',
  calendarId: null,
  warning: { unit: 'minutes', value: 10 },
});
const p2 = policy({
  id: '00000000-0000-4000-8000-0000000000b2',
  name: 'P2 billing',
  targets: { firstResponse: 120 },
  pauseWhen: ['snoozed'],
});
const clocks = policyClocks([p1, p2, p3], [berlinOffice]);

const evaluated = (
  p: SlaPolicy,
  history: SlaEvent[],
  now: { status?: Status; snoozedUntil?: string } = {},
) => ({
  sla: slaState({
    policy: p,
    calendar: berlinOffice,
    history,
    now: new Date(history.at(-1)?.at ?? ''),
  }),
  status: now.status ?? 'open',
  snoozedUntil: now.snoozedUntil ?? null,
});
const at = (text: string) => Date.parse(berlin(text));
const wake = (c: CountdownSubject[], now: string | number) => {
  const next = nextLabelChange(c, clocks, typeof now === 'number' ? now : at(now));
  return next === null ? null : new Date(next).toISOString();
};

// Arrived Monday 16:00: first response due Tuesday 12:00 (the lunch closing), warned 11:12.
const fresh = evaluated(p3, [arrived(berlin('2026-03-02T16:00'))]);

describe('the SLA ticker’s next wake', () => {
  it('is the next minute while a clock counts', () => {
    expect(wake([fresh], at('2026-03-02T16:30') + 20_000)).toBe(berlin('2026-03-02T16:31'));
  });

  it('is the office’s opening while it is closed: nothing moves overnight', () => {
    expect(wake([fresh], '2026-03-02T20:00')).toBe(berlin('2026-03-03T09:00'));
    expect(wake([fresh], '2026-03-06T17:30')).toBe(berlin('2026-03-09T09:00'));
  });

  it('is a warning or an overdue that begins between two minutes', () => {
    // Calendar time, arrived 10:00:20: warned at 10:20:20, overdue just after 10:30:20.
    const p1Fresh = evaluated(p1, [arrived('2026-03-02T10:00:20.000Z')]);
    const iso = (n: number) => new Date(n).toISOString();
    expect(
      iso(nextLabelChange([p1Fresh], clocks, Date.parse('2026-03-02T10:20:05.000Z')) ?? 0),
    ).toBe('2026-03-02T10:20:20.000Z');
    expect(
      iso(nextLabelChange([p1Fresh], clocks, Date.parse('2026-03-02T10:30:05.000Z')) ?? 0),
    ).toBe('2026-03-02T10:30:20.001Z');
  });

  it('is the opening after a due time used up at a closing, when overdue can begin', () => {
    // 12:30: lunch, 0 min left; the next opening (13:00) is when anything can change.
    expect(wake([fresh], '2026-03-03T12:30')).toBe(berlin('2026-03-03T13:00'));
    // At 13:00 the clock counts: overdue from the first millisecond after.
    expect(nextLabelChange([fresh], clocks, at('2026-03-03T13:00'))).toBe(
      at('2026-03-03T13:00') + 1,
    );
  });

  it('is a snooze’s end for a paused clock, never while it waits without one', () => {
    const until = berlin('2026-03-02T15:00');
    const history = [
      arrived(berlin('2026-03-02T10:00')),
      status(berlin('2026-03-02T11:00'), 'snoozed', until),
    ];
    const snoozed = evaluated(p2, history, { status: 'snoozed', snoozedUntil: until });
    expect(wake([snoozed], '2026-03-02T12:00')).toBe(until);
    const forever = evaluated(
      p2,
      [arrived(berlin('2026-03-02T10:00')), status(berlin('2026-03-02T11:00'), 'snoozed')],
      {
        status: 'snoozed',
      },
    );
    expect(wake([forever], '2026-03-02T12:00')).toBeNull();
  });

  it('is the soonest of all conversations, and never for met targets', () => {
    const met = evaluated(p3, [
      arrived(berlin('2026-03-02T16:00')),
      reply(berlin('2026-03-02T16:10')),
    ]);
    expect(wake([met], '2026-03-02T16:30')).toBeNull();
    const noPolicy: CountdownSubject = { ...fresh, sla: null };
    expect(nextLabelChange([noPolicy], clocks, at('2026-03-02T16:30'))).toBeNull();
    expect(wake([met, noPolicy, fresh], at('2026-03-02T16:30') + 20_000)).toBe(
      berlin('2026-03-02T16:31'),
    );
  });
});
