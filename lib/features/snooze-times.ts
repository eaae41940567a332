/** A ready-made "until" the snooze picker offers. */
export interface QuickPick {
  label: string;
  until: Date;
}

const MORNING = 9;
const EVENING = 18;

const at = (day: Date, hour: number) =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, 0, 0, 0);
const addDays = (day: Date, days: number) =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate() + days);

/**
 * Later today (three hours on, on the hour, while that is before the evening), tomorrow
 * morning, and next Monday morning, in the browser's time zone.
 */
export function quickPicks(now: Date): QuickPick[] {
  const later = new Date(now.getTime() + 3 * 3_600_000);
  later.setMinutes(0, 0, 0);
  const picks: QuickPick[] = [];
  if (later.getDate() === now.getDate() && later.getHours() <= EVENING) {
    picks.push({ label: 'Later today', until: later });
  }
  picks.push({ label: 'Tomorrow morning', until: at(addDays(now, 1), MORNING) });
  const toMonday = (8 - now.getDay()) % 7 || 7;
  picks.push({ label: 'Next week', until: at(addDays(now, toMonday), MORNING) });
  return picks;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value a datetime-local input shows for an instant (local time, minutes). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type SnoozeUntil = { ok: true; iso: string } | { ok: false; message: string };

/** Reads a datetime-local value; a snooze must end in the future. */
export function snoozeUntil(value: string, now: Date): SnoozeUntil {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return { ok: false, message: 'Choose a date and time.' };
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const until = new Date(y, mo - 1, d, h, mi);
  if (until.getTime() <= now.getTime())
    return { ok: false, message: 'Choose a time in the future.' };
  return { ok: true, iso: until.toISOString() };
}

/** "Tue 3 Dec, 09:00": weekday and date, or just the time when it is today. */
export function formatUntil(iso: string, now: Date, locale?: string): string {
  const until = new Date(iso);
  const time = until.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (until.toDateString() === now.toDateString()) return `today ${time}`;
  const date = until.toLocaleDateString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(until.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
  return `${date}, ${time}`;
}
