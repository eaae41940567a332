import { describe, expect, it } from 'vitest';
import { parseOutlookDate } from './dates';

const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).toISOString();

describe('dates as Outlook writes them', () => {
  it('reads the US English form of headers and titles', () => {
    expect(parseOutlookDate('Tue 11/17/2026 2:02 PM', 'en')).toBe(local(2026, 11, 17, 14, 2));
    expect(parseOutlookDate('Mon 11/16/2026 8:41 AM', 'en-US')).toBe(local(2026, 11, 16, 8, 41));
    expect(parseOutlookDate('Fri 4/10/2026 12:23 AM', 'en')).toBe(local(2026, 4, 10, 0, 23));
  });

  it('reads German, day first on a 24-hour clock', () => {
    expect(parseOutlookDate('Di 17.11.2026 14:02', 'de')).toBe(local(2026, 11, 17, 14, 2));
    expect(parseOutlookDate('Mo 16.11.2026 08:41', 'de-DE')).toBe(local(2026, 11, 16, 8, 41));
  });

  it('lets the weekday settle whether day or month comes first', () => {
    // 10 April 2026 was a Friday, 4 October a Sunday: an English UI set to day-first dates.
    expect(parseOutlookDate('Sun 4/10/2026 9:00 AM', 'en')).toBe(local(2026, 10, 4, 9, 0));
    expect(parseOutlookDate('Fri 4/10/2026 9:00 AM', 'en-GB')).toBe(local(2026, 4, 10, 9, 0));
    expect(parseOutlookDate('Wed 4/10/2026 9:00 AM', 'en')).toBeNull();
  });

  it('reads year-first dates and a day period written in the page’s language', () => {
    expect(parseOutlookDate('2026-11-17 14:02', 'sv')).toBe(local(2026, 11, 17, 14, 2));
    expect(parseOutlookDate('2026. 11. 17. (화) 오후 2:02', 'ko')).toBe(local(2026, 11, 17, 14, 2));
  });

  it('gives null for what is not a full date and time, never a guess', () => {
    for (const text of [
      '2:02 PM',
      'Mon 9:05 AM',
      '11/10/2026',
      'Invoice 2026-118',
      '31/02/2026 10:00',
      '',
    ]) {
      expect(parseOutlookDate(text, 'en')).toBeNull();
    }
    expect(parseOutlookDate('Tue 11/17/2026 2:02 PM', 'not a language')).toBe(
      local(2026, 11, 17, 14, 2),
    );
  });
});
