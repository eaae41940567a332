/**
 * Wall time in an IANA zone ↔ instants, with Intl only (no zone data in the bundle).
 *
 * A wall time is held as "local ms": the epoch ms the same wall-clock reading has in UTC,
 * so local days and minutes are plain arithmetic (`day = floor(local / DAY_MS)`).
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in ms: local = instant + offset. */
export function offsetAt(zone: string, instant: number): number {
  const field = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type in field) field[part.type as keyof typeof field] = Number(part.value);
  }
  const local = Date.UTC(
    field.year,
    field.month - 1,
    field.day,
    field.hour,
    field.minute,
    field.second,
  );
  return local - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The wall time (local ms) of an instant. */
export function localOf(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant);
}

/** A local time resolved to an instant; `skipped` when the wall clock never showed it. */
export interface Resolved {
  instant: number;
  skipped: boolean;
}

/**
 * Resolves a wall time like RFC 5545 and java.time: a repeated time (fall-back) is its
 * first occurrence; a skipped one (spring-forward) moves forward by the gap, which is
 * reading it with the offset in force before the gap.
 */
export function resolveLocal(zone: string, local: number): Resolved {
  const before = offsetAt(zone, local - DAY_MS);
  const early = local - before;
  if (offsetAt(zone, early) === before) return { instant: early, skipped: false };
  const after = offsetAt(zone, local + DAY_MS);
  const late = local - after;
  if (offsetAt(zone, late) === after) return { instant: late, skipped: false };
  return { instant: early, skipped: true };
}

/**
 * The zone's offset for the whole local day, or null when it changes near that day.
 * Zones never change offset and back within three days, so equal offsets a day either
 * side mean every wall time of the day reads with that one offset.
 */
export function steadyOffset(zone: string, day: number): number | null {
  const before = offsetAt(zone, (day - 1) * DAY_MS);
  return offsetAt(zone, (day + 2) * DAY_MS) === before ? before : null;
}

/** "2026-03-29T02:30" as local ms. */
export function parseLocal(text: string): number {
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? Date.parse(`${text}:00Z`) : NaN;
  // Date.parse rolls 02-30 over to March: a real date prints back as it was written.
  if (Number.isNaN(local) || new Date(local).toISOString().slice(0, 16) !== text) {
    throw new Error(`not a local time: ${text}`);
  }
  return local;
}

/** The instant a wall time names in a zone ("2026-03-29T02:30"). */
export function zonedInstant(zone: string, text: string): number {
  return resolveLocal(zone, parseLocal(text)).instant;
}
