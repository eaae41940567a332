import type { z } from 'zod';
import type { SlaCalendarInput, SlaPolicyInput } from '../../lib/schema';

const office = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

/** A calendar body: Berlin, Mon–Fri 09–12 and 13–17. */
export const calendarInput = (name = 'Berlin office'): z.input<typeof SlaCalendarInput> => ({
  name,
  timeZone: 'Europe/Berlin',
  weekly: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
});

/** A policy body: calendar time, first response 30 min, unless told otherwise. */
export const policyInput = (
  patch: Partial<z.input<typeof SlaPolicyInput>> = {},
): z.input<typeof SlaPolicyInput> => ({
  name: 'P1',
  targets: { firstResponse: 30 },
  clock: 'calendar',
  ...patch,
});
