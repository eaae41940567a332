import { dayNumber, localDay } from '../../lib/metrics/days';
import type { GoalTimeframe } from '../../lib/schema';
import { DAY_MS, resolveLocal } from '../../lib/sla/local-time';

/** An instant range [from, to) cut in a time zone's local days. */
export type Period = { from: number; to: number };

const dayOf = (date: string) => Date.parse(date) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Day 0 (1970-01-01) was a Thursday. */
const mondayOf = (day: number) => day - ((day + 3) % 7);
const between = (zone: string, first: number, afterLast: number): Period => ({
  from: localDay(zone, first).start,
  to: localDay(zone, afterLast).start,
});

/** The week (Monday to Monday, local) that holds `date`, and the date of its Monday. */
export function weekOf(zone: string, date: string): Period & { week: string } {
  const monday = mondayOf(dayOf(date));
  return { week: dateOf(monday), ...between(zone, monday, monday + 7) };
}

/** The Monday of the last full week before `now`, local. */
export const lastFullWeek = (zone: string, now: Date) =>
  dateOf(mondayOf(dayNumber(zone, now.getTime())) - 7);

/** When a week's review is due: its end (the next Monday) at `hour`:00, local. */
export const reviewDueAt = (zone: string, week: string, hour: number) =>
  resolveLocal(zone, (dayOf(week) + 7) * DAY_MS + hour * 3600_000).instant;

/** A goal's timeframe as of `now`: the week, month or quarter under way, or its days. */
export function timeframePeriod(zone: string, timeframe: GoalTimeframe, now: Date): Period {
  const today = dayNumber(zone, now.getTime());
  const date = new Date(today * DAY_MS);
  const [y, m] = [date.getUTCFullYear(), date.getUTCMonth()];
  const monthDay = (year: number, month: number) => Date.UTC(year, month, 1) / DAY_MS;
  switch (timeframe.kind) {
    case 'week': {
      const monday = mondayOf(today);
      return between(zone, monday, monday + 7);
    }
    case 'month':
      return between(zone, monthDay(y, m), monthDay(y, m + 1));
    case 'quarter': {
      const first = m - (m % 3);
      return between(zone, monthDay(y, first), monthDay(y, first + 3));
    }
    case 'custom':
      return between(zone, dayOf(timeframe.from), dayOf(timeframe.to) + 1);
  }
}
