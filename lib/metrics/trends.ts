import type { ConversationFacts, ReportFigures } from '../schema/reports';
import { dayNumber, daysBetween, type LocalDay } from './days';
import type { Range } from './samples';

/**
 * Volume and backlog per local day of the period: conversations that arrived and closes
 * recorded each day, and the conversations open at each day's end (as of now for today;
 * days not begun yet are left out).
 */
export function trendsAccumulator(range: Range, now: number, zone: string) {
  const days: LocalDay[] = daysBetween(zone, range.from, range.to).filter((d) => d.start <= now);
  const index = new Map(days.map((d, i) => [dayNumber(zone, d.start), i]));
  const arrived = days.map(() => 0);
  const closed = days.map(() => 0);
  const open = days.map(() => 0);
  const inRange = (at: number) => at >= range.from && at < range.to && at <= now;
  const bucket = (at: number) => index.get(dayNumber(zone, at));
  return {
    add(facts: ConversationFacts) {
      const arrival = Date.parse(facts.arrival.at);
      const a = inRange(arrival) ? bucket(arrival) : undefined;
      if (a !== undefined) arrived[a]! += 1;
      for (const c of facts.closes) {
        const at = Date.parse(c.at);
        const i = inRange(at) ? bucket(at) : undefined;
        if (i !== undefined) closed[i]! += 1;
      }
      days.forEach((day, i) => {
        const end = Math.min(day.end, range.to, now);
        const isOpen = facts.openSpans.some(
          (s) => Date.parse(s.start) < end && (s.end === null || Date.parse(s.end) >= end),
        );
        if (isOpen) open[i]! += 1;
      });
    },
    result(): Pick<ReportFigures, 'volume' | 'backlog'> {
      return {
        volume: days.map((d, i) => ({ date: d.date, arrived: arrived[i]!, closed: closed[i]! })),
        backlog: days.map((d, i) => ({ date: d.date, open: open[i]! })),
      };
    },
  };
}
