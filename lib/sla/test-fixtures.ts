/** Calendars and policies the SLA tests share (parsed, so they are valid by the schema). */
import {
  BusinessCalendar,
  type SlaEvent,
  SlaPolicy,
  type Weekday,
  type WorkingWindow,
} from '../schema/sla';
import { zonedInstant } from './local-time';

const none: WorkingWindow[] = [];

let calendars = 0;

/** A calendar named `name` with a fresh id. */
export function calendar(
  name: string,
  timeZone: string,
  days: Partial<Record<Weekday, WorkingWindow[]>>,
  holidays: { date: string; name: string }[] = [],
  alwaysOpen = false,
): BusinessCalendar {
  calendars += 1;
  return BusinessCalendar.parse({
    id: `00000000-0000-4000-8000-${calendars.toString(16).padStart(12, '0')}`,
    name,
    timeZone,
    alwaysOpen,
    weekly: {
      mon: none,
      tue: none,
      wed: none,
      thu: none,
      fri: none,
      sat: none,
      sun: none,
      ...days,
    },
    holidays,
    holidayCountry: null,
  });
}

/** Open around the clock. */
export const allDay = (name: string, timeZone: string) => calendar(name, timeZone, {}, [], true);

const weekdays = (windows: WorkingWindow[]) => ({
  mon: windows,
  tue: windows,
  wed: windows,
  thu: windows,
  fri: windows,
});

/** Berlin, Mon–Fri 09:00–12:00 and 13:00–17:00 (7 h a day), closed at Christmas. */
export const berlinOffice = calendar(
  'Berlin office',
  'Europe/Berlin',
  weekdays([
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ]),
  [
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-26', name: 'Boxing Day' },
  ],
);

/** New York, Mon–Fri 09:00–17:00 (8 h a day). */
export const newYorkOffice = calendar(
  'New York office',
  'America/New_York',
  weekdays([{ start: '09:00', end: '17:00' }]),
);

export function policy(patch: Partial<SlaPolicy> & Pick<SlaPolicy, 'name' | 'targets'>): SlaPolicy {
  return SlaPolicy.parse({
    id: '00000000-0000-4000-8000-000000000001',
    position: 0,
    conditions: { priorities: [], tags: [], mailboxes: [], customerDomains: [], segments: [] },
    clock: 'business',
    pauseWhen: [],
    warning: null,
    calendarId: berlinOffice.id,
    ...patch,
  });
}

/** An instant as ISO, from a wall time in a zone. */
export const wall = (zone: string, text: string) =>
  new Date(zonedInstant(zone, text)).toISOString();

export const berlin = (text: string) => wall('Europe/Berlin', text);
export const newYork = (text: string) => wall('America/New_York', text);

export const arrived = (at: string): SlaEvent => ({ type: 'arrived', at });
export const customer = (at: string): SlaEvent => ({ type: 'customerMessage', at });
export const reply = (at: string): SlaEvent => ({ type: 'agentReply', at });
export const status = (
  at: string,
  to: 'open' | 'pending' | 'snoozed' | 'closed',
  until?: string,
): SlaEvent =>
  until ? { type: 'status', at, status: to, until } : { type: 'status', at, status: to };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
