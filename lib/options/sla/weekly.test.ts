import { describe, expect, it } from 'vitest';
import {
  addWindow,
  copyMondayToWeekdays,
  normalisedTime,
  officeWeek,
  removeWindow,
  setWindow,
  type Weekly,
  weekSummary,
  windowIssue,
} from './weekly';

const empty: Weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('weekly windows', () => {
  it('add a first window of office hours, then a split shift after the latest end', () => {
    const one = addWindow(empty, 'sat');
    expect(one.sat).toEqual([{ start: '09:00', end: '17:00' }]);
    const split = addWindow(setWindow(one, 'sat', 0, { end: '12:30' }), 'sat');
    expect(split.sat).toEqual([
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '14:30' },
    ]);
    expect(addWindow({ ...empty, sun: [{ start: '20:00', end: '24:00' }] }, 'sun').sun[1]).toEqual({
      start: '23:00',
      end: '24:00',
    });
    expect(empty.sat).toEqual([]);
  });

  it('edit and remove one window, leaving the rest', () => {
    const week = addWindow(officeWeek(), 'mon');
    expect(removeWindow(week, 'mon', 0).mon).toEqual([{ start: '18:00', end: '19:00' }]);
    expect(setWindow(week, 'mon', 1, { start: '17:30' }).mon[1]).toEqual({
      start: '17:30',
      end: '19:00',
    });
    expect(week.tue).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('copy Monday to Tuesday–Friday as separate copies, leaving the weekend', () => {
    const week = {
      ...empty,
      mon: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '16:00' },
      ],
      sat: [{ start: '10:00', end: '14:00' }],
    };
    const copied = copyMondayToWeekdays(week);
    for (const day of ['tue', 'wed', 'thu', 'fri'] as const) expect(copied[day]).toEqual(week.mon);
    expect(copied.sat).toEqual(week.sat);
    expect(setWindow(copied, 'tue', 0, { start: '07:00' }).wed[0]!.start).toBe('08:00');
  });

  it('read typed times as HH:MM where clearly meant', () => {
    expect(normalisedTime('9')).toBe('09:00');
    expect(normalisedTime(' 9:30 ')).toBe('09:30');
    expect(normalisedTime('1730')).toBe('17:30');
    expect(normalisedTime('24:00')).toBe('24:00');
    expect(normalisedTime('9h')).toBe('9h');
  });

  it('summarise a week, joining equal consecutive days', () => {
    const week = copyMondayToWeekdays({
      ...empty,
      mon: [
        { start: '13:30', end: '18:00' },
        { start: '09:00', end: '12:30' },
      ],
      sat: [{ start: '10:00', end: '14:00' }],
    });
    expect(weekSummary({ alwaysOpen: false, weekly: week })).toBe(
      'Mon–Fri 09:00–12:30, 13:30–18:00; Sat 10:00–14:00',
    );
    expect(weekSummary({ alwaysOpen: true, weekly: week })).toBe('Open 24/7');
    expect(weekSummary({ alwaysOpen: false, weekly: empty })).toBe('No working hours');
  });

  it('say a malformed time before the window’s own problem', () => {
    const issues = new Map([
      ['weekly.tue.0.start', 'expected HH:MM'],
      ['weekly.tue.0', 'a window must end after it starts'],
      ['weekly.wed.1', 'a window must end after it starts'],
    ]);
    expect(windowIssue(issues, 'tue', 0)).toBe('expected HH:MM');
    expect(windowIssue(issues, 'wed', 1)).toBe('a window must end after it starts');
    expect(windowIssue(issues, 'wed', 0)).toBeUndefined();
  });
});
