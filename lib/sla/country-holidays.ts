/**
 * A country's public holidays as explicit dates, for an admin to store on a calendar.
 * Only the options page and the API import this: it carries every country's rules, and
 * the engine reads nothing but the stored dates.
 */
import Holidays from 'date-holidays';
import type { Holiday } from '../schema/sla';
import { DAY_MS } from './local-time';

const WHOLE_DAY = /^(\d{4}-\d{2}-\d{2}) 00:00:00/;

/**
 * Public holidays of `country` (ISO 3166-1 alpha-2) and optionally a region of it in
 * `years`, one entry per date, oldest first. A holiday lasting several days gives each
 * day; one starting mid-day (a half day) is left out, since calendars close whole days.
 */
export function countryHolidays(
  country: string,
  region: string | null,
  years: readonly number[],
): Holiday[] {
  const known = new Holidays();
  if (!Object.hasOwn(known.getCountries(), country)) throw new Error(`unknown country ${country}`);
  // getStates gives undefined for a country without regions, whatever its types say.
  if (region !== null && !Object.hasOwn(known.getStates(country) ?? {}, region)) {
    throw new Error(`unknown region ${region} of ${country}`);
  }
  const rules =
    region === null
      ? new Holidays(country, { types: ['public'] })
      : new Holidays(country, region, { types: ['public'] });
  const names = new Map<string, string[]>();
  for (const year of years) {
    for (const holiday of rules.getHolidays(year, 'en')) {
      const first = WHOLE_DAY.exec(holiday.date)?.[1];
      if (!first) continue;
      const days = Math.max(
        1,
        Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS),
      );
      for (let i = 0; i < days; i++) {
        const date = new Date(Date.parse(first) + i * DAY_MS).toISOString().slice(0, 10);
        const onDate = names.get(date) ?? [];
        if (!onDate.includes(holiday.name)) onDate.push(holiday.name);
        names.set(date, onDate);
      }
    }
  }
  return [...names.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, onDate]) => ({ date, name: onDate.join(' / ').slice(0, 120) }));
}
