import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { SlaEvent, SlaPolicy, SlaState, SlaTargetState, WorkingWindow } from '../schema/sla';
import { workingTime } from './calendar';
import { slaState } from './evaluate';
import { calendar, HOUR, MINUTE, policy } from './test-fixtures';

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago', // changes at midnight
  'Australia/Lord_Howe', // a 30-minute change
  'Asia/Kolkata',
  'UTC',
];
const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const YEAR_MS = 365 * 24 * HOUR;

const hhmm = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;

/** 0–3 windows on quarter hours, from sorted distinct boundaries taken in pairs. */
const dayWindows = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((bounds) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const windows: WorkingWindow[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      windows.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
    }
    return windows;
  });

const calendars = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    week: fc.array(dayWindows, { minLength: 7, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 8 }),
  })
  .map(({ zone, week, holidays }) => {
    const [sun, mon, tue, wed, thu, fri, sat] = week;
    const anyOpen = week.some((w) => w.length > 0);
    return calendar(
      'random',
      zone,
      { sun, mon: anyOpen ? mon : [{ start: '09:00', end: '17:00' }], tue, wed, thu, fri, sat },
      holidays.map((day) => ({
        date: new Date(YEAR_START + day * 24 * HOUR).toISOString().slice(0, 10),
        name: `holiday ${day}`,
      })),
    );
  });

const instants = fc.integer({ min: YEAR_START, max: YEAR_START + YEAR_MS });
const amounts = fc.integer({ min: 1, max: 300 * HOUR });

describe('business time', () => {
  test.prop([calendars, instants, amounts, amounts])(
    'due time is monotone in the target',
    (cal, from, a, b) => {
      const time = workingTime(cal);
      const [small, large] = a <= b ? [a, b] : [b, a];
      expect(time.advance(from, small)).toBeLessThanOrEqual(time.advance(from, large));
    },
  );

  test.prop([calendars, instants, amounts])(
    'measuring up to the due time gives the target back',
    (cal, from, amount) => {
      const time = workingTime(cal);
      expect(time.measure(from, time.advance(from, amount))).toBe(amount);
    },
  );

  test.prop([calendars, instants, fc.nat(30 * 24 * HOUR), fc.nat(30 * 24 * HOUR)])(
    'measures add up over consecutive spans',
    (cal, from, x, y) => {
      const time = workingTime(cal);
      expect(time.measure(from, from + x) + time.measure(from + x, from + x + y)).toBe(
        time.measure(from, from + x + y),
      );
    },
  );

  test.prop([calendars, instants, fc.nat(200 * 24 * HOUR)])(
    'a long span measures what its days measure one by one',
    (cal, from, span) => {
      const time = workingTime(cal);
      let byDays = 0;
      for (let at = from; at < from + span; at += 24 * HOUR) {
        byDays += time.measure(at, Math.min(at + 24 * HOUR, from + span));
      }
      // A fresh compile, so the long span is measured first (its own sums' origin).
      expect(workingTime(structuredClone(cal)).measure(from, from + span)).toBe(byDays);
      expect(time.measure(from, from + span)).toBe(byDays);
    },
  );
});

type Step =
  | { gap: number; kind: 'customer' | 'reply' | 'open' | 'pending' | 'closed' }
  | { gap: number; kind: 'snoozed'; until: number | null };

const steps = fc.array(
  fc.oneof(
    fc.record({
      gap: fc.nat(3 * 24 * 60),
      kind: fc.constantFrom('customer', 'reply', 'open', 'pending', 'closed'),
    }),
    fc.record({
      gap: fc.nat(3 * 24 * 60),
      kind: fc.constant('snoozed' as const),
      until: fc.option(fc.integer({ min: 1, max: 3 * 24 * 60 })),
    }),
  ),
  { maxLength: 14 },
);

/** A history from an arrival and steps some minutes apart; returns it with its last instant. */
function historyOf(arrival: number, plan: Step[]): { history: SlaEvent[]; end: number } {
  const iso = (instant: number) => new Date(instant).toISOString();
  const history: SlaEvent[] = [{ type: 'arrived', at: iso(arrival) }];
  let at = arrival;
  for (const step of plan) {
    at += step.gap * MINUTE;
    if (step.kind === 'customer') history.push({ type: 'customerMessage', at: iso(at) });
    else if (step.kind === 'reply') history.push({ type: 'agentReply', at: iso(at) });
    else if (step.kind === 'snoozed' && step.until !== null) {
      history.push({
        type: 'status',
        at: iso(at),
        status: 'snoozed',
        until: iso(at + step.until * MINUTE),
      });
    } else history.push({ type: 'status', at: iso(at), status: step.kind });
  }
  return { history, end: at };
}

const targetMinutes = fc.integer({ min: 1, max: 3000 });
const policies = fc
  .record({
    firstResponse: targetMinutes,
    nextResponse: targetMinutes,
    resolution: targetMinutes,
    business: fc.boolean(),
  })
  .map(({ business, ...targets }) => ({ targets, business }));

const build = (
  { targets, business }: { targets: SlaPolicy['targets']; business: boolean },
  calendarId: string,
  pauseWhen: SlaPolicy['pauseWhen'],
) =>
  policy({
    name: 'random',
    targets,
    pauseWhen,
    clock: business ? 'business' : 'calendar',
    calendarId: business ? calendarId : null,
  });

/** Every target of a state, paired by position (next responses by cycle). */
function pairs(a: SlaState, b: SlaState): [SlaTargetState, SlaTargetState][] {
  const all: [SlaTargetState | null | undefined, SlaTargetState | null | undefined][] = [
    [a.firstResponse, b.firstResponse],
    [a.resolution, b.resolution],
    ...a.nextResponses.map(
      (t, i) => [t, b.nextResponses[i]] as [SlaTargetState, SlaTargetState | undefined],
    ),
  ];
  return all.filter((p): p is [SlaTargetState, SlaTargetState] => !!p[0] && !!p[1]);
}

const dueOf = (t: SlaTargetState) => (t.dueAt === null ? Infinity : Date.parse(t.dueAt));

describe('conversation SLA state', () => {
  test.prop([calendars, policies, instants, steps, fc.nat(10 * 24 * 60), fc.nat(10 * 24 * 60)])(
    'remaining time never increases as time passes',
    (cal, shape, arrival, plan, before, after) => {
      const { history } = historyOf(arrival, plan);
      const p = build(shape, cal.id, ['pending', 'snoozed']);
      const now = arrival + before * MINUTE;
      const earlier = slaState({ policy: p, calendar: cal, history, now: new Date(now) });
      const later = slaState({
        policy: p,
        calendar: cal,
        history,
        now: new Date(now + after * MINUTE),
      });
      for (const [was, is] of pairs(earlier, later)) {
        expect(is.remainingMs).toBeLessThanOrEqual(was.remainingMs);
      }
    },
  );

  test.prop([calendars, policies, instants, steps, fc.nat(10 * 24 * 60)])(
    'pausing never makes a met target breached',
    (cal, shape, arrival, plan, extra) => {
      const { history, end } = historyOf(arrival, plan);
      const now = new Date(end + extra * MINUTE);
      const plain = slaState({ policy: build(shape, cal.id, []), calendar: cal, history, now });
      const pausing = slaState({
        policy: build(shape, cal.id, ['pending', 'snoozed']),
        calendar: cal,
        history,
        now,
      });
      for (const [without, withPauses] of pairs(plain, pausing)) {
        expect(withPauses.usedMs).toBeLessThanOrEqual(without.usedMs);
        if (without.state === 'met') expect(withPauses.state).toBe('met');
      }
    },
  );

  test.prop([calendars, policies, instants, steps, fc.nat(10 * 24 * 60), fc.nat(3000)])(
    'due time is monotone in the target',
    (cal, shape, arrival, plan, extra, more) => {
      const { history, end } = historyOf(arrival, plan);
      const now = new Date(end + extra * MINUTE);
      const longer = {
        ...shape,
        targets: {
          firstResponse: shape.targets.firstResponse + more,
          nextResponse: shape.targets.nextResponse + more,
          resolution: shape.targets.resolution + more,
        },
      };
      const short = slaState({
        policy: build(shape, cal.id, ['pending']),
        calendar: cal,
        history,
        now,
      });
      const long = slaState({
        policy: build(longer, cal.id, ['pending']),
        calendar: cal,
        history,
        now,
      });
      for (const [a, b] of pairs(short, long)) expect(dueOf(a)).toBeLessThanOrEqual(dueOf(b));
    },
  );
});
