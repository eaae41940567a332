import { WEEKDAYS } from '../../../lib/schema';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A business calendar for SLA tests on the real clock: an office open today only since
 * `used` minutes ago, closed on every earlier day since `since`, in a whole-hour zone where
 * it is about noon now. A conversation that started at `since` has used exactly `used`
 * business minutes, whatever the date and hour the test runs, and the office stays open for
 * about twelve hours more.
 */
export function reopenedToday({ now, since, used }: { now: number; since: string; used: number }) {
  const at = new Date(now);
  const hours = at.getUTCHours() + at.getUTCMinutes() / 60;
  const offset = Math.max(-12, Math.min(14, Math.round(12 - hours)));
  const timeZone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  // Local wall clocks, read through the UTC fields.
  const local = (instant: number) => instant + offset * 60 * MINUTE;
  const wall = new Date(local(now));
  const opened = new Date(Math.floor((wall.getTime() - used * MINUTE) / MINUTE) * MINUTE);
  const today = Math.floor(wall.getTime() / DAY) * DAY;
  // From the local day of `since`: west of UTC it can be the day before the UTC date.
  const holidays = [];
  for (let day = Math.floor(local(Date.parse(since)) / DAY) * DAY; day < today; day += DAY) {
    const date = new Date(day);
    if (date.getUTCDay() === wall.getUTCDay())
      holidays.push({ date: date.toISOString().slice(0, 10), name: 'Closed for the move' });
  }
  const open = WEEKDAYS[wall.getUTCDay()];
  const weekly = Object.fromEntries(
    WEEKDAYS.map((d) => [
      d,
      d === open ? [{ start: opened.toISOString().slice(11, 16), end: '24:00' }] : [],
    ]),
  );
  return { name: 'Acme office', timeZone, weekly, holidays };
}
