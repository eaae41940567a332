import { z } from 'zod';
import { Email, Id, Instant } from './common';
import { Priority, Status, TagName } from './conversation-fields';

/** An IANA zone name the platform's Intl knows ("Europe/Berlin", "UTC"); not an offset. */
export const TimeZone = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, 'expected an IANA time zone')
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A working window of one weekday, local wall time, half-open [start, end). */
export const WorkingWindow = z
  .object({
    start: z.string().regex(HHMM, 'expected HH:MM'),
    end: z.union([z.string().regex(HHMM, 'expected HH:MM'), z.literal('24:00')]),
  })
  .refine((w) => minutesOf(w.start) < minutesOf(w.end), 'a window must end after it starts');
export type WorkingWindow = z.infer<typeof WorkingWindow>;

const DayWindows = z
  .array(WorkingWindow)
  .max(12)
  .refine((windows) => {
    const sorted = windows
      .map((w) => [minutesOf(w.start), minutesOf(w.end)] as const)
      .sort((a, b) => a[0] - b[0]);
    return sorted.every((w, i) => i === 0 || sorted[i - 1]![1] <= w[0]);
  }, 'windows of one day must not overlap');

/** In `Date#getUTCDay()` order, Sunday first. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const Holiday = z.object({ date: z.iso.date(), name: z.string().trim().min(1).max(120) });
export type Holiday = z.infer<typeof Holiday>;

export const BusinessCalendar = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(120),
    timeZone: TimeZone,
    /** Open around the clock every day; `weekly` is then kept but not used. Holidays still close. */
    alwaysOpen: z.boolean(),
    weekly: z.object({
      mon: DayWindows,
      tue: DayWindows,
      wed: DayWindows,
      thu: DayWindows,
      fri: DayWindows,
      sat: DayWindows,
      sun: DayWindows,
    }),
    /** Whole local days closed. */
    holidays: z
      .array(Holiday)
      .max(2000)
      .refine((hs) => new Set(hs.map((h) => h.date)).size === hs.length, 'one entry per date'),
    /** Where imported public holidays came from, so next year's can be imported the same way. */
    holidayCountry: z
      .object({
        country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'),
        region: z.string().min(1).max(10).nullable(),
      })
      .nullable(),
  })
  .refine(
    (c) => c.alwaysOpen || WEEKDAYS.some((d) => c.weekly[d].length > 0),
    'a calendar needs at least one working window',
  );
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

export const SlaTargetKind = z.enum(['firstResponse', 'nextResponse', 'resolution']);
export type SlaTargetKind = z.infer<typeof SlaTargetKind>;

const TargetMinutes = z
  .number()
  .int()
  .positive()
  .max(60 * 24 * 366);

/** How long before a target runs out it counts as at risk, in the policy's clock. */
export const SlaWarning = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('minutes'), value: TargetMinutes }),
  z.object({ unit: z.literal('percent'), value: z.number().int().min(1).max(99) }),
]);
export type SlaWarning = z.infer<typeof SlaWarning>;

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^([a-z0-9-]+\.)+[a-z0-9-]+$/, 'expected a domain like example.com');

/** Every non-empty list must match (any of its entries); an empty list matches everything. */
export const SlaConditions = z.object({
  priorities: z.array(Priority).max(4),
  tags: z.array(TagName).max(50),
  mailboxes: z.array(Email).max(50),
  /** Matches the customer's domain and its subdomains. */
  customerDomains: z.array(Domain).max(200),
  segments: z.array(z.string().trim().min(1).max(60)).max(50),
});
export type SlaConditions = z.infer<typeof SlaConditions>;

export const SlaPolicy = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(120),
    /** Admin order: the first policy (lowest position) whose conditions match applies. */
    position: z.number().int().nonnegative(),
    conditions: SlaConditions,
    /** Minutes in the policy's clock; a missing target is not tracked. */
    targets: z.object({
      firstResponse: TargetMinutes.optional(),
      nextResponse: TargetMinutes.optional(),
      resolution: TargetMinutes.optional(),
    }),
    clock: z.enum(['business', 'calendar']),
    /** Statuses whose time does not count towards any target. */
    pauseWhen: z.array(z.enum(['pending', 'snoozed'])).max(2),
    warning: SlaWarning.nullable(),
    /** The business calendar; required for a business clock, unused by a calendar clock. */
    calendarId: Id.nullable(),
  })
  .refine((p) => p.clock === 'calendar' || p.calendarId !== null, {
    message: 'a business-time policy needs a calendar',
    path: ['calendarId'],
  });
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/** What policy matching reads of a conversation and its customer. */
export const SlaSubject = z.object({
  priority: Priority,
  tags: z.array(TagName),
  mailboxes: z.array(Email),
  customerDomain: Domain.nullable(),
  segments: z.array(z.string()),
});
export type SlaSubject = z.infer<typeof SlaSubject>;

/**
 * The engine's input history, normalised from the activity log. A conversation leaving
 * `closed` is a re-open; `until` ends a snooze without a further event.
 */
export const SlaEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('arrived'), at: Instant }),
  z.object({ type: z.literal('customerMessage'), at: Instant }),
  z.object({ type: z.literal('agentReply'), at: Instant }),
  z
    .object({ type: z.literal('status'), at: Instant, status: Status, until: Instant.optional() })
    .refine(
      (e) =>
        e.until === undefined || (e.status === 'snoozed' && Date.parse(e.until) > Date.parse(e.at)),
      { message: 'only a snooze has an end, after it starts', path: ['until'] },
    ),
]);
export type SlaEvent = z.infer<typeof SlaEvent>;

export const SlaTargetState = z.object({
  kind: SlaTargetKind,
  state: z.enum(['running', 'paused', 'met', 'breached']),
  startedAt: Instant,
  /** When the target ran or runs out on the known schedule; null if it never does. */
  dueAt: Instant.nullable(),
  /** When the warning threshold was or will be reached on the known schedule. */
  warnAt: Instant.nullable(),
  /** The reply or close that stopped the clock; null while it counts. */
  completedAt: Instant.nullable(),
  /** Clock time counted so far (business or elapsed, pauses excluded). */
  usedMs: z.number().int().nonnegative(),
  /** Target minus used: negative is overdue. */
  remainingMs: z.number().int(),
});
export type SlaTargetState = z.infer<typeof SlaTargetState>;

export const SlaState = z.object({
  policyId: Id,
  firstResponse: SlaTargetState.nullable(),
  /** One per next-response clock, oldest first. */
  nextResponses: z.array(SlaTargetState),
  resolution: SlaTargetState.nullable(),
  /** The soonest due time of a clock still counting: what `Conversation.dueAt` holds. */
  dueAt: Instant.nullable(),
});
export type SlaState = z.infer<typeof SlaState>;
