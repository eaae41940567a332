import { describe, expect, it } from 'vitest';
import { newCalendarDraft } from './calendar-draft';
import {
  addedHolidays,
  addHoliday,
  importRequest,
  removeHoliday,
  withImported,
  yearsOf,
} from './holidays';

const christmas = { date: '2026-12-25', name: 'Christmas Day' };
const newYear = { date: '2026-01-01', name: 'New Year' };

describe('holidays', () => {
  it('are added in date order, one per date, and removed by date', () => {
    const added = addHoliday([christmas], '2026-01-01', ' New Year ');
    expect(added).toEqual({ ok: true, value: [newYear, christmas] });
    expect(addHoliday([christmas], '2026-12-25', 'Again')).toEqual({
      ok: false,
      message: '2026-12-25 is listed already (Christmas Day)',
    });
    expect(addHoliday([], '', 'x')).toEqual({ ok: false, message: 'Choose a date' });
    expect(addHoliday([], '2026-05-01', ' ')).toEqual({ ok: false, message: 'Name the holiday' });
    expect(removeHoliday([newYear, christmas], '2026-01-01')).toEqual([christmas]);
  });

  it('say what an import added, and join it to unsaved edits', () => {
    const labour = { date: '2026-05-01', name: 'Labour Day' };
    expect(addedHolidays([christmas], [newYear, labour, christmas])).toEqual([newYear, labour]);
    const draft = { ...newCalendarDraft('Europe/Berlin'), name: 'Edited', holidays: [christmas] };
    expect(withImported(draft, [labour, christmas], { country: 'DE', region: null })).toEqual({
      ...draft,
      holidays: [labour, christmas],
      holidayCountry: { country: 'DE', region: null },
    });
  });

  it('read years as a list or a range', () => {
    expect(yearsOf('2026')).toEqual([2026]);
    expect(yearsOf('2026, 2028')).toEqual([2026, 2028]);
    expect(yearsOf('2026-2028')).toEqual([2026, 2027, 2028]);
    expect(yearsOf('2028-2026')).toBeNull();
    expect(yearsOf('next year')).toBeNull();
  });

  it('build the import request the route takes, or say what is wrong', () => {
    expect(importRequest({ country: ' de ', region: '', years: '2026, 2027' })).toEqual({
      ok: true,
      value: { country: 'DE', years: [2026, 2027] },
    });
    expect(importRequest({ country: 'CK', region: 'Rarotonga', years: '2026' })).toEqual({
      ok: true,
      value: { country: 'CK', region: 'Rarotonga', years: [2026] },
    });
    const bad = importRequest({ country: 'Germany', region: '', years: '2026, 2026' });
    expect(bad.ok ? null : Object.fromEntries(bad.issues)).toEqual({
      country: 'ISO 3166-1 alpha-2, like DE',
      years: 'each year once',
    });
    const noYears = importRequest({ country: 'DE', region: '', years: 'soon' });
    expect(noYears.ok ? null : Object.fromEntries(noYears.issues)).toEqual({
      years: 'Years like 2026, 2027 or 2026-2028',
    });
  });
});
