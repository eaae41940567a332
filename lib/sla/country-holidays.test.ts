import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../schema/sla';
import { countryHolidays } from './country-holidays';
import { berlinOffice } from './test-fixtures';

describe('country holidays', () => {
  it("lists a region's public holidays as whole dates", () => {
    const bavaria = countryHolidays('DE', 'BY', [2026]);
    expect(bavaria.map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-06-04',
      '2026-10-03',
      '2026-11-01',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(bavaria[0]).toEqual({ date: '2026-01-01', name: "New Year's Day" });
    // Epiphany and Corpus Christi are Bavarian, not national.
    expect(countryHolidays('DE', null, [2026]).map((h) => h.date)).not.toContain('2026-01-06');
  });

  it('gives every day of a multi-day holiday and leaves half days out', () => {
    const china = countryHolidays('CN', null, [2026]);
    const dates = china.map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-02', '2026-10-03']));
    // Youth Day (4 May) is an afternoon off for some: not a whole-day closure.
    expect(dates).not.toContain('2026-05-04');
  });

  it('stores on a calendar as it is', () => {
    const holidays = countryHolidays('US', null, [2027]);
    // Juneteenth (Sat 19 June) has its substitute on Friday 18th.
    expect(holidays).toContainEqual({ date: '2027-06-18', name: 'Juneteenth (substitute day)' });
    const parsed = BusinessCalendar.parse({
      ...berlinOffice,
      holidays,
      holidayCountry: { country: 'US', region: null },
    });
    expect(parsed.holidays).toHaveLength(holidays.length);
  });

  it('refuses unknown countries and regions', () => {
    expect(() => countryHolidays('XX', null, [2026])).toThrow('unknown country XX');
    expect(() => countryHolidays('DE', 'ZZ', [2026])).toThrow('unknown region ZZ of DE');
  });
});
