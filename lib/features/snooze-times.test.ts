import { describe, expect, it } from 'vitest';
import { formatUntil, quickPicks, snoozeUntil, toLocalInput } from './snooze-times';

// Local-time constructors: the picks are in the browser's zone, whatever the test runner's.
const friday10 = new Date(2026, 10, 20, 10, 25);

describe('snooze times', () => {
  it('offers later today, tomorrow morning and next Monday morning', () => {
    expect(quickPicks(friday10)).toEqual([
      { label: 'Later today', until: new Date(2026, 10, 20, 13, 0) },
      { label: 'Tomorrow morning', until: new Date(2026, 10, 21, 9, 0) },
      { label: 'Next week', until: new Date(2026, 10, 23, 9, 0) },
    ]);
  });

  it('drops later today in the evening, and a Monday goes to the next Monday', () => {
    const mondayEvening = new Date(2026, 10, 23, 20, 0);
    expect(quickPicks(mondayEvening).map((p) => p.label)).toEqual([
      'Tomorrow morning',
      'Next week',
    ]);
    expect(quickPicks(mondayEvening)[1]?.until).toEqual(new Date(2026, 10, 30, 9, 0));
  });

  it('reads and writes datetime-local values, in the future only', () => {
    expect(toLocalInput(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
    expect(snoozeUntil('2026-11-21T09:00', friday10)).toEqual({
      ok: true,
      iso: new Date(2026, 10, 21, 9, 0).toISOString(),
    });
    expect(snoozeUntil('2026-11-20T09:00', friday10)).toEqual({
      ok: false,
      message: 'Choose a time in the future.',
    });
    expect(snoozeUntil('', friday10).ok).toBe(false);
  });

  it('says when a snooze ends', () => {
    const today = new Date(2026, 10, 20, 13, 0).toISOString();
    const later = new Date(2026, 11, 1, 9, 0).toISOString();
    const nextYear = new Date(2027, 0, 4, 9, 0).toISOString();
    expect(formatUntil(today, friday10, 'en-GB')).toBe('today 13:00');
    expect(formatUntil(later, friday10, 'en-GB')).toBe('Tue 1 Dec, 09:00');
    expect(formatUntil(nextYear, friday10, 'en-GB')).toBe('Mon, 4 Jan 2027, 09:00');
  });
});
