import { describe, expect, it } from 'vitest';
import { parseGmailDate } from './gmail-date';

const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m, d, h, min).toISOString();

describe('Gmail message date titles', () => {
  it('reads the English forms Gmail has used', () => {
    expect(parseGmailDate('Mon, Nov 16, 2026, 8:41 AM')).toBe(local(2026, 10, 16, 8, 41));
    expect(parseGmailDate('Thu, Dec 18, 2014 at 12:35 PM')).toBe(local(2014, 11, 18, 12, 35));
    expect(parseGmailDate('Mon, 16 Nov 2026, 20:05')).toBe(local(2026, 10, 16, 20, 5));
  });

  it('accepts the narrow no-break space newer browsers put before AM/PM', () => {
    expect(parseGmailDate('Tue, Nov 17, 2026, 12:02\u202fAM')).toBe(local(2026, 10, 17, 0, 2));
  });

  it('gives null for what it cannot read, never a guess', () => {
    expect(parseGmailDate('lun. 16 nov. 2026, 08:41')).toBeNull();
    expect(parseGmailDate('Mon, Feb 30, 2026, 8:41 AM')).toBeNull();
    expect(parseGmailDate('Mon, Nov 16, 2026, 13:41 PM')).toBeNull();
    expect(parseGmailDate('')).toBeNull();
  });
});
