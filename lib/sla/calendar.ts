import { type BusinessCalendar, WEEKDAYS } from '../schema/sla';
import { DAY_MS, MINUTE_MS, resolveLocal, steadyOffset } from './local-time';

/** A clock over instants (epoch ms). Every interval is half-open [from, to). */
export interface WorkingTime {
  /** Working ms within [from, to). */
  measure(from: number, to: number): number;
  /**
   * The instant by which `amount` working ms after `from` are used up. Time used up
   * exactly at a closing is due at that closing, not at the next opening.
   */
  advance(from: number, amount: number): number;
}

/** Calendar time: every instant counts. */
export const elapsedTime: WorkingTime = {
  measure: (from, to) => Math.max(0, to - from),
  advance: (from, amount) => from + amount,
};

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const compiled = new WeakMap<BusinessCalendar, WorkingTime>();

/**
 * Business time of a calendar. Compiled once per calendar object: callers that keep the
 * object (the ticker, a report over many conversations) share its per-day intervals.
 */
export function workingTime(calendar: BusinessCalendar): WorkingTime {
  let time = compiled.get(calendar);
  if (!time) {
    time = compile(calendar);
    compiled.set(calendar, time);
  }
  return time;
}

function compile(calendar: BusinessCalendar): WorkingTime {
  const zone = calendar.timeZone;
  const holidays = new Set(calendar.holidays.map((h) => Date.parse(h.date) / DAY_MS));
  const weekly = WEEKDAYS.map((weekday) =>
    calendar.alwaysOpen
      ? [[0, 24 * 60] as const]
      : calendar.weekly[weekday]
          .map((w) => [minutesOf(w.start), minutesOf(w.end)] as const)
          .sort((a, b) => a[0] - b[0]),
  );
  if (weekly.every((windows) => windows.length === 0)) {
    throw new Error(`calendar ${calendar.id} has no working window`);
  }
  const days = new Map<number, readonly number[]>();

  /** The working intervals of a local day as instants, flat: [start, end, start, end…]. */
  function intervalsOn(day: number): readonly number[] {
    const cached = days.get(day);
    if (cached) return cached;
    const intervals: number[] = [];
    const windows = holidays.has(day) ? [] : weekly[new Date(day * DAY_MS).getUTCDay()]!;
    const offset = windows.length > 0 ? steadyOffset(zone, day) : null;
    for (const [startMinute, endMinute] of windows) {
      const startLocal = day * DAY_MS + startMinute * MINUTE_MS;
      const endLocal = day * DAY_MS + endMinute * MINUTE_MS;
      if (offset !== null) {
        intervals.push(startLocal - offset, endLocal - offset);
        continue;
      }
      const start = resolveLocal(zone, startLocal);
      const end = resolveLocal(zone, endLocal);
      // A window wholly inside a spring-forward gap never happens that day.
      if (end.instant <= start.instant || (start.skipped && end.skipped)) continue;
      // An end moved forward by the gap can pass the next window's start: join them.
      const last = intervals.length - 1;
      if (intervals.length > 0 && start.instant <= intervals[last]!) {
        intervals[last] = Math.max(intervals[last]!, end.instant);
      } else {
        intervals.push(start.instant, end.instant);
      }
    }
    days.set(day, intervals);
    return intervals;
  }

  // Offsets lie within ±14 h, so an instant's local day is its UTC day or one either side:
  // scanning that margin needs no time zone lookup. One more day past the end covers a
  // clock falling back over midnight, where the next day's first window opens before the
  // repeated evening ends.
  const firstDay = (instant: number) => Math.floor(instant / DAY_MS) - 1;
  const lastDay = (instant: number) => Math.floor(instant / DAY_MS) + 2;

  const dayTotal = (day: number) => {
    const intervals = intervalsOn(day);
    let total = 0;
    for (let i = 0; i < intervals.length; i += 2) total += intervals[i + 1]! - intervals[i]!;
    return total;
  };
  // Working ms of whole days summed from the first day asked for, in both directions, so a
  // span of many weeks is measured by two lookups instead of a walk over its days.
  let origin: number | null = null;
  const after = [0];
  const before = [0];
  const sumBefore = (day: number): number => {
    origin ??= day;
    if (day >= origin) {
      while (after.length <= day - origin) {
        after.push(after[after.length - 1]! + dayTotal(origin + after.length - 1));
      }
      return after[day - origin]!;
    }
    while (before.length <= origin - day) {
      before.push(before[before.length - 1]! + dayTotal(origin - before.length));
    }
    return -before[origin - day]!;
  };
  const measureDays = (from: number, to: number, first: number, last: number) => {
    let total = 0;
    for (let day = first; day <= last; day++) {
      const intervals = intervalsOn(day);
      for (let i = 0; i < intervals.length; i += 2) {
        const start = Math.max(intervals[i]!, from);
        const end = Math.min(intervals[i + 1]!, to);
        if (end > start) total += end - start;
      }
    }
    return total;
  };
  // Days this far inside [from, to) have every interval wholly within it, whatever the
  // zone's offset (±14 h) or a DST shift: they count whole.
  const INNER_MARGIN = 4;

  return {
    measure(from, to) {
      if (to <= from) return 0;
      const first = firstDay(from);
      const last = lastDay(to);
      const innerFirst = first + INNER_MARGIN;
      const innerLast = last - INNER_MARGIN - 1;
      if (innerLast - innerFirst < 2 * INNER_MARGIN) return measureDays(from, to, first, last);
      return (
        measureDays(from, to, first, innerFirst - 1) +
        (sumBefore(innerLast + 1) - sumBefore(innerFirst)) +
        measureDays(from, to, innerLast + 1, last)
      );
    },
    advance(from, amount) {
      let left = amount;
      let cursor = from;
      for (let day = firstDay(from); ; day++) {
        const intervals = intervalsOn(day);
        for (let i = 0; i < intervals.length; i += 2) {
          const end = intervals[i + 1]!;
          if (end <= cursor) continue;
          const start = Math.max(intervals[i]!, cursor);
          if (left <= end - start) return start + left;
          left -= end - start;
          cursor = end;
        }
      }
    },
  };
}
