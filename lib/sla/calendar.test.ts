import { describe, expect, it } from 'vitest';
import { workingTime } from './calendar';
import {
  allDay,
  berlin,
  berlinOffice,
  calendar,
  HOUR,
  MINUTE,
  newYork,
  newYorkOffice,
} from './test-fixtures';

const ms = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

const berlinTime = workingTime(berlinOffice);
const newYorkTime = workingTime(newYorkOffice);

describe('business time in a split-shift week (Berlin 09–12, 13–17)', () => {
  it('skips the lunch break', () => {
    // Mon 11:30 + 2 h: 30 min until 12:00, then 90 min from 13:00 → 14:30.
    expect(iso(berlinTime.advance(ms(berlin('2026-03-02T11:30')), 2 * HOUR))).toBe(
      berlin('2026-03-02T14:30'),
    );
    expect(berlinTime.measure(ms(berlin('2026-03-02T11:30')), ms(berlin('2026-03-02T14:30')))).toBe(
      2 * HOUR,
    );
  });

  it('carries a target overnight and stops at a closing when it is used up there', () => {
    // Mon 16:00 + 4 h: 1 h Monday, 09:00–12:00 Tuesday = 3 h → due at the 12:00 closing.
    expect(iso(berlinTime.advance(ms(berlin('2026-03-02T16:00')), 4 * HOUR))).toBe(
      berlin('2026-03-03T12:00'),
    );
    // "Within 8 business hours of Wed 09:00" in an 8-hour office is by Wed 17:00.
    expect(iso(newYorkTime.advance(ms(newYork('2026-03-04T09:00')), 8 * HOUR))).toBe(
      newYork('2026-03-04T17:00'),
    );
  });

  it('starts a clock that starts outside working time at the next opening', () => {
    // Sat 10:00 + 30 min → Mon 09:30; lunch 12:15 + 30 min → 13:30.
    expect(iso(berlinTime.advance(ms(berlin('2026-03-07T10:00')), 30 * MINUTE))).toBe(
      berlin('2026-03-09T09:30'),
    );
    expect(iso(berlinTime.advance(ms(berlin('2026-03-02T12:15')), 30 * MINUTE))).toBe(
      berlin('2026-03-02T13:30'),
    );
  });

  it('measures a week as five working days', () => {
    // Mon 09:00 to the next Mon 09:00: 5 × 7 h.
    expect(berlinTime.measure(ms(berlin('2026-03-02T09:00')), ms(berlin('2026-03-09T09:00')))).toBe(
      35 * HOUR,
    );
    expect(berlinTime.measure(ms(berlin('2026-03-07T00:00')), ms(berlin('2026-03-09T00:00')))).toBe(
      0,
    );
  });

  it('closes on holidays', () => {
    // Thu 24 Dec 16:30 + 4 h: 30 min Thursday; Fri 25 holiday; weekend; Mon 28 09–12 (3.5 h
    // used), 13:00–13:30 → 13:30.
    expect(iso(berlinTime.advance(ms(berlin('2026-12-24T16:30')), 4 * HOUR))).toBe(
      berlin('2026-12-28T13:30'),
    );
  });
});

describe('targets spanning weeks', () => {
  it('counts 24 business hours as three 8-hour days', () => {
    // Mon 09:00 + 24 h in an 8-hour office: Mon, Tue, Wed → Wed 17:00.
    expect(iso(newYorkTime.advance(ms(newYork('2026-03-02T09:00')), 24 * HOUR))).toBe(
      newYork('2026-03-04T17:00'),
    );
  });

  it('runs 200 business hours over five weeks, and around a holiday', () => {
    // 200 h / 8 h = 25 working days from Mon 5 Jan: Fri 6 Feb closes the 25th.
    const start = ms(newYork('2026-01-05T09:00'));
    expect(iso(newYorkTime.advance(start, 200 * HOUR))).toBe(newYork('2026-02-06T17:00'));
    // With Martin Luther King Day (Mon 19 Jan) closed, one more day: Mon 9 Feb.
    const withHoliday = calendar('mlk', 'America/New_York', newYorkOffice.weekly, [
      { date: '2026-01-19', name: 'Martin Luther King Jr. Day' },
    ]);
    expect(iso(workingTime(withHoliday).advance(start, 200 * HOUR))).toBe(
      newYork('2026-02-09T17:00'),
    );
  });
});

describe('daylight saving time', () => {
  const berlinNights = (windows: { start: string; end: string }[]) =>
    workingTime(
      calendar(`berlin-${windows.map((w) => w.start).join()}`, 'Europe/Berlin', { sun: windows }),
    );
  const sunday = (time: ReturnType<typeof workingTime>, date: string, zone = berlin) =>
    time.measure(ms(zone(`${date}T00:00`)), ms(zone(`${date}T23:59`)));

  it('keeps office hours on wall time across both changes', () => {
    // Fri 16:00 + 2 h → Mon 10:00, after the clocks went forward (CET→CEST, EST→EDT).
    expect(iso(berlinTime.advance(ms(berlin('2026-03-27T16:00')), 2 * HOUR))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
    expect(iso(newYorkTime.advance(ms(newYork('2026-03-06T16:00')), 2 * HOUR))).toBe(
      '2026-03-09T14:00:00.000Z',
    );
    // Fri 16:30 + 1 h → Mon 09:30, after the clocks went back (CEST→CET, EDT→EST).
    expect(iso(berlinTime.advance(ms(berlin('2026-10-23T16:30')), HOUR))).toBe(
      '2026-10-26T08:30:00.000Z',
    );
    expect(iso(newYorkTime.advance(ms(newYork('2026-10-30T16:30')), HOUR))).toBe(
      '2026-11-02T14:30:00.000Z',
    );
  });

  it('counts the hours a 24/7 desk really works through a change', () => {
    // Berlin: Sat 22:00 CET (21:00Z) + 6 h = 03:00Z = Sun 05:00 CEST, 7 wall hours later.
    expect(
      iso(
        workingTime(allDay('b', 'Europe/Berlin')).advance(ms(berlin('2026-03-28T22:00')), 6 * HOUR),
      ),
    ).toBe(berlin('2026-03-29T05:00'));
    // New York: Sat 23:00 EDT (03:00Z) + 4 h = 07:00Z = Sun 02:00 EST, 3 wall hours later.
    expect(
      iso(
        workingTime(allDay('n', 'America/New_York')).advance(
          ms(newYork('2026-10-31T23:00')),
          4 * HOUR,
        ),
      ),
    ).toBe(newYork('2026-11-01T02:00'));
  });

  it('makes the changeover day 23 or 25 hours long', () => {
    const newYorkSundays = workingTime(
      calendar('ny-sun', 'America/New_York', { sun: [{ start: '00:00', end: '24:00' }] }),
    );
    const day = (date: string) =>
      newYorkSundays.measure(
        ms(newYork(`${date}T00:00`)),
        ms(newYork(`${date}T00:00`)) + 2 * 24 * HOUR,
      );
    expect(day('2026-03-01')).toBe(24 * HOUR);
    expect(day('2026-03-08')).toBe(23 * HOUR);
    expect(day('2026-11-01')).toBe(25 * HOUR);
  });

  it('shortens and lengthens a night window that spans the change', () => {
    const night = berlinNights([{ start: '00:00', end: '06:00' }]);
    // 00:00 CET (23:00Z Sat) to 06:00 CEST (04:00Z): 5 h; a normal Sunday: 6 h.
    expect(sunday(night, '2026-03-29')).toBe(5 * HOUR);
    expect(sunday(night, '2026-03-22')).toBe(6 * HOUR);
    // 00:00 CEST (22:00Z Sat) to 06:00 CET (05:00Z): 7 h.
    expect(sunday(night, '2026-10-25')).toBe(7 * HOUR);
  });

  it('empties a window wholly inside the spring-forward gap', () => {
    const inGap = berlinNights([{ start: '02:00', end: '02:30' }]);
    expect(sunday(inGap, '2026-03-29')).toBe(0);
    expect(sunday(inGap, '2026-03-22')).toBe(30 * MINUTE);
  });

  it('moves a window boundary inside the gap forward by the gap', () => {
    // 02:30 → 03:30 CEST (01:30Z); 04:00 CEST = 02:00Z: 30 min.
    expect(sunday(berlinNights([{ start: '02:30', end: '04:00' }]), '2026-03-29')).toBe(
      30 * MINUTE,
    );
    // 01:00–02:30 becomes 00:00Z–01:30Z and overlaps 03:00–05:00 (01:00Z–03:00Z): joined,
    // 00:00Z–03:00Z = 3 h, not 3.5 h.
    const split = berlinNights([
      { start: '01:00', end: '02:30' },
      { start: '03:00', end: '05:00' },
    ]);
    expect(sunday(split, '2026-03-29')).toBe(3 * HOUR);
  });

  it('uses the first occurrence of a repeated fall-back time', () => {
    // Berlin 02:00–02:30: first pass only, 00:00Z–00:30Z.
    expect(sunday(berlinNights([{ start: '02:00', end: '02:30' }]), '2026-10-25')).toBe(
      30 * MINUTE,
    );
    // 02:30 first pass (00:30Z) to 03:00 CET (02:00Z): 90 min.
    expect(sunday(berlinNights([{ start: '02:30', end: '03:00' }]), '2026-10-25')).toBe(
      90 * MINUTE,
    );
    // New York 01:00–02:00: 01:00 EDT (05:00Z) to 02:00 EST (07:00Z) holds both passes, 2 h;
    // 01:00–01:30 is the first pass only, 30 min.
    const newYorkNight = (end: string) =>
      workingTime(calendar(`ny-${end}`, 'America/New_York', { sun: [{ start: '01:00', end }] }));
    expect(sunday(newYorkNight('02:00'), '2026-11-01', newYork)).toBe(2 * HOUR);
    expect(sunday(newYorkNight('01:30'), '2026-11-01', newYork)).toBe(30 * MINUTE);
  });
});

describe('calendar compilation', () => {
  it('refuses a calendar with no working time at all', () => {
    const closed = {
      ...berlinOffice,
      weekly: { ...berlinOffice.weekly, mon: [], tue: [], wed: [], thu: [], fri: [] },
    };
    expect(() => workingTime(closed)).toThrow('has no working window');
  });
});
