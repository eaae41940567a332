import type { BusinessCalendar, Weekday, WorkingWindow } from '../../schema';
import type { Issues } from './issues';

export type Weekly = BusinessCalendar['weekly'];

/** The editor's order: the working week first. */
export const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const SHORT: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** A new calendar's week: Monday to Friday, 09:00–17:00. */
export function officeWeek(): Weekly {
  const day = () => [{ start: '09:00', end: '17:00' }];
  return { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const TIME = /^\d{2}:\d{2}$/;

/**
 * Another window for `day`: the first is 09:00–17:00; a further one starts an hour after
 * the latest end and lasts an hour, so a split shift is one click and a time edit away.
 * Past the day's end it is left to the admin (the schema then says what is wrong).
 */
export function addWindow(weekly: Weekly, day: Weekday): Weekly {
  const windows = weekly[day];
  const ends = windows.map((w) => w.end).filter((end) => TIME.test(end));
  const latest = ends.length ? Math.max(...ends.map(minutesOf)) : null;
  const start = latest === null ? 9 * 60 : Math.min(latest + 60, 23 * 60);
  const end = latest === null ? 17 * 60 : Math.min(start + 60, 24 * 60);
  return { ...weekly, [day]: [...windows, { start: hhmm(start), end: hhmm(end) }] };
}

export const removeWindow = (weekly: Weekly, day: Weekday, index: number): Weekly => ({
  ...weekly,
  [day]: weekly[day].filter((_, i) => i !== index),
});

export const setWindow = (
  weekly: Weekly,
  day: Weekday,
  index: number,
  patch: Partial<WorkingWindow>,
): Weekly => ({
  ...weekly,
  [day]: weekly[day].map((w, i) => (i === index ? { ...w, ...patch } : w)),
});

/**
 * What to say under one window: a malformed time first (zod then also finds the window
 * ending before it starts, which would mislead), else the window's own problem.
 */
export const windowIssue = (issues: Issues, day: Weekday, index: number) =>
  issues.get(`weekly.${day}.${index}.start`) ??
  issues.get(`weekly.${day}.${index}.end`) ??
  issues.get(`weekly.${day}.${index}`);

/** Tuesday to Friday get Monday's windows (copies, so editing one day leaves the others). */
export function copyMondayToWeekdays(weekly: Weekly): Weekly {
  const copy = () => weekly.mon.map((w) => ({ ...w }));
  return { ...weekly, tue: copy(), wed: copy(), thu: copy(), fri: copy() };
}

/**
 * A time as typed, made "HH:MM" where that is clearly meant: "9" → "09:00",
 * "9:30" → "09:30", "1730" → "17:30". Anything else is left for the schema to refuse.
 */
export function normalisedTime(text: string): string {
  const t = text.trim();
  const match = /^(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!match) return t;
  return `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`;
}

const windowsText = (windows: readonly WorkingWindow[]) =>
  [...windows]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((w) => `${w.start}–${w.end}`)
    .join(', ');

/** "Mon–Fri 09:00–12:30, 13:30–18:00; Sat 10:00–14:00", consecutive equal days joined. */
export function weekSummary(calendar: Pick<BusinessCalendar, 'alwaysOpen' | 'weekly'>): string {
  if (calendar.alwaysOpen) return 'Open 24/7';
  const runs: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const day of WEEK) {
    const text = windowsText(calendar.weekly[day]);
    const last = runs.at(-1);
    if (last && last.text === text) last.to = day;
    else runs.push({ from: day, to: day, text });
  }
  const open = runs.filter((r) => r.text !== '');
  if (open.length === 0) return 'No working hours';
  return open
    .map((r) => `${SHORT[r.from]}${r.from === r.to ? '' : `–${SHORT[r.to]}`} ${r.text}`)
    .join('; ');
}
