import { describe, expect, it } from 'vitest';
import { BusinessCalendar, SlaEvent, SlaPolicy, SlaState, TimeZone } from '../schema/sla';
import { slaState } from './evaluate';
import { arrived, berlin, berlinOffice, policy } from './test-fixtures';

const withMonday = (mon: { start: string; end: string }[]) =>
  BusinessCalendar.safeParse({ ...berlinOffice, weekly: { ...berlinOffice.weekly, mon } });

describe('SLA schemas', () => {
  it('takes IANA zone names and nothing else', () => {
    for (const zone of ['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'UTC']) {
      expect(TimeZone.safeParse(zone).success).toBe(true);
    }
    for (const zone of ['Mars/Olympus_Mons', '+01:00', 'Europe/Berlin ', '']) {
      expect(TimeZone.safeParse(zone).success).toBe(false);
    }
  });

  it('checks working windows', () => {
    expect(withMonday([{ start: '22:00', end: '24:00' }]).success).toBe(true);
    // Touching windows are fine: half-open, they do not overlap.
    expect(
      withMonday([
        { start: '13:00', end: '17:00' },
        { start: '09:00', end: '13:00' },
      ]).success,
    ).toBe(true);
    expect(
      withMonday([
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '17:00' },
      ]).success,
    ).toBe(false);
    expect(withMonday([{ start: '17:00', end: '09:00' }]).success).toBe(false);
    expect(withMonday([{ start: '24:00', end: '24:00' }]).success).toBe(false);
    expect(withMonday([{ start: '9:00', end: '17:00' }]).success).toBe(false);
  });

  it('needs some working time, one holiday per date and real dates', () => {
    const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(BusinessCalendar.safeParse({ ...berlinOffice, weekly: none }).success).toBe(false);
    expect(
      BusinessCalendar.safeParse({ ...berlinOffice, weekly: none, alwaysOpen: true }).success,
    ).toBe(true);
    const twice = [...berlinOffice.holidays, { date: '2026-12-25', name: 'Again' }];
    expect(BusinessCalendar.safeParse({ ...berlinOffice, holidays: twice }).success).toBe(false);
    const bad = [{ date: '2026-02-30', name: 'Nope' }];
    expect(BusinessCalendar.safeParse({ ...berlinOffice, holidays: bad }).success).toBe(false);
  });

  it('needs a calendar for business time', () => {
    const p = policy({ name: 'P1', targets: { firstResponse: 30 } });
    expect(SlaPolicy.safeParse({ ...p, calendarId: null }).success).toBe(false);
    expect(SlaPolicy.safeParse({ ...p, clock: 'calendar', calendarId: null }).success).toBe(true);
  });

  it('lets only a snooze end, after it starts', () => {
    const at = '2026-03-02T09:00:00.000Z';
    const later = '2026-03-02T12:00:00.000Z';
    expect(
      SlaEvent.safeParse({ type: 'status', at, status: 'snoozed', until: later }).success,
    ).toBe(true);
    expect(
      SlaEvent.safeParse({ type: 'status', at, status: 'pending', until: later }).success,
    ).toBe(false);
    expect(
      SlaEvent.safeParse({ type: 'status', at: later, status: 'snoozed', until: at }).success,
    ).toBe(false);
  });

  it('describes what the engine returns', () => {
    const p = policy({
      name: 'P1',
      targets: { firstResponse: 30, nextResponse: 30, resolution: 120 },
    });
    const state = slaState({
      policy: p,
      calendar: berlinOffice,
      history: [arrived(berlin('2026-03-02T09:00'))],
      now: new Date(berlin('2026-03-02T09:10')),
    });
    expect(SlaState.parse(state)).toEqual(state);
  });
});
