import { DAY_MS, localOf, resolveLocal } from '../sla/local-time';

/** One local day of a zone: its date and the instants [start, end) it spans. */
export interface LocalDay {
  date: string;
  start: number;
  end: number;
}

/** The local day number (days since 1970-01-01 on the wall clock) of an instant. */
export const dayNumber = (zone: string, instant: number) =>
  Math.floor(localOf(zone, instant) / DAY_MS);

/** The day numbered `day` in `zone`: 23 or 25 hours long on a DST changeover. */
export function localDay(zone: string, day: number): LocalDay {
  return {
    date: new Date(day * DAY_MS).toISOString().slice(0, 10),
    start: resolveLocal(zone, day * DAY_MS).instant,
    end: resolveLocal(zone, (day + 1) * DAY_MS).instant,
  };
}

/** Every local day that [from, to) touches, in order. */
export function daysBetween(zone: string, from: number, to: number): LocalDay[] {
  const days: LocalDay[] = [];
  for (let d = dayNumber(zone, from); d <= dayNumber(zone, to - 1); d++)
    days.push(localDay(zone, d));
  return days;
}
