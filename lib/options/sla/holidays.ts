import type { z } from 'zod';
import { type Holiday, ImportHolidays } from '../../schema';
import type { Parsed } from '../members/members';
import type { CalendarDraft } from './calendar-draft';
import { issuesOf, plainWords } from './issues';

const byDate = (a: Holiday, b: Holiday) => a.date.localeCompare(b.date);

/** The list with one more closed day, kept in date order; one entry per date. */
export function addHoliday(
  list: readonly Holiday[],
  date: string,
  name: string,
): Parsed<Holiday[]> {
  if (date === '') return { ok: false, message: 'Choose a date' };
  if (name.trim() === '') return { ok: false, message: 'Name the holiday' };
  const taken = list.find((h) => h.date === date);
  if (taken) return { ok: false, message: `${date} is listed already (${taken.name})` };
  return { ok: true, value: [...list, { date, name: name.trim() }].sort(byDate) };
}

export const removeHoliday = (list: readonly Holiday[], date: string) =>
  list.filter((h) => h.date !== date);

/** The holidays `after` has that `before` had not: what an import added. */
export function addedHolidays(before: readonly Holiday[], after: readonly Holiday[]): Holiday[] {
  const known = new Set(before.map((h) => h.date));
  return after.filter((h) => !known.has(h.date));
}

/**
 * An import lands on the stored calendar; the draft keeps its unsaved edits and gains what
 * the import added (a date removed in the draft and imported again comes back).
 */
export function withImported(
  draft: CalendarDraft,
  added: readonly Holiday[],
  holidayCountry: CalendarDraft['holidayCountry'],
): CalendarDraft {
  const known = new Set(draft.holidays.map((h) => h.date));
  return {
    ...draft,
    holidays: [...draft.holidays, ...added.filter((h) => !known.has(h.date))].sort(byDate),
    holidayCountry,
  };
}

/** "2026", "2026, 2027" or "2026-2028" as the years to import. */
export function yearsOf(text: string): number[] | null {
  const years: number[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from || to - from > 20) return null;
      for (let y = from; y <= to; y++) years.push(y);
    } else if (/^\d{4}$/.test(part)) {
      years.push(Number(part));
    } else {
      return null;
    }
  }
  return years;
}

export type ImportRequest = z.infer<typeof ImportHolidays>;

/** The import form as `ImportHolidays` takes it, or the messages by field. */
export function importRequest(form: {
  country: string;
  region: string;
  years: string;
}): { ok: true; value: ImportRequest } | { ok: false; issues: ReadonlyMap<string, string> } {
  const years = yearsOf(form.years);
  if (!years)
    return { ok: false, issues: new Map([['years', 'Years like 2026, 2027 or 2026-2028']]) };
  const region = form.region.trim();
  const parsed = ImportHolidays.safeParse(
    {
      country: form.country.trim().toUpperCase(),
      ...(region && { region }),
      years,
    },
    { error: plainWords },
  );
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: issuesOf(parsed.error) };
}
