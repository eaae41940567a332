import { z } from 'zod';
import { Id, Instant, Version } from './common';
import { Priority } from './conversation-fields';
import { BusinessCalendar, SlaConditions, SlaPolicy, SlaTargetKind } from './sla';

/** A business calendar as the API keeps and syncs it. */
export const SlaCalendarRecord = BusinessCalendar.safeExtend({ version: Version });
export type SlaCalendarRecord = z.infer<typeof SlaCalendarRecord>;

/** An SLA policy as the API keeps and syncs it. */
export const SlaPolicyRecord = SlaPolicy.safeExtend({ version: Version });
export type SlaPolicyRecord = z.infer<typeof SlaPolicyRecord>;

// The engine's schemas carry whole-record rules (a calendar needs a window, a business
// policy a calendar): the API checks them on the record it is about to store.
const calendarFields = z.object(BusinessCalendar.shape).omit({ id: true });
const policyFields = z.object(SlaPolicy.shape).omit({ id: true, position: true });
const conditions = SlaConditions.shape;

/** `POST /v1/sla/calendars`. */
export const SlaCalendarInput = calendarFields.extend({
  alwaysOpen: calendarFields.shape.alwaysOpen.default(false),
  holidays: calendarFields.shape.holidays.default([]),
  holidayCountry: calendarFields.shape.holidayCountry.default(null),
});
export type SlaCalendarInput = z.infer<typeof SlaCalendarInput>;

const expectedVersion = {
  /** The version the edit was made from: a stale one is a 409 with the current record. */
  expectedVersion: Version,
};
const nonEmpty = (v: object) => Object.keys(v).length > 1;

/** `PATCH /v1/sla/calendars/:id`: the fields to change. */
export const UpdateSlaCalendar = calendarFields
  .partial()
  .extend(expectedVersion)
  .refine(nonEmpty, 'nothing to change');

/** `POST /v1/sla/calendars/:id/holidays/import`: merged into the calendar's holidays. */
export const ImportHolidays = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, like DE'),
  region: z.string().min(1).max(10).optional(),
  years: z
    .array(z.number().int().min(1970).max(2200))
    .min(1)
    .max(10)
    .refine((ys) => new Set(ys).size === ys.length, 'each year once'),
});

/** `POST /v1/sla/policies`: added last in the order. */
export const SlaPolicyInput = policyFields.extend({
  conditions: z
    .object({
      priorities: conditions.priorities.default([]),
      tags: conditions.tags.default([]),
      mailboxes: conditions.mailboxes.default([]),
      customerDomains: conditions.customerDomains.default([]),
      segments: conditions.segments.default([]),
    })
    .default({ priorities: [], tags: [], mailboxes: [], customerDomains: [], segments: [] }),
  pauseWhen: policyFields.shape.pauseWhen.default([]),
  warning: policyFields.shape.warning.default(null),
  calendarId: policyFields.shape.calendarId.default(null),
});
export type SlaPolicyInput = z.infer<typeof SlaPolicyInput>;

/** `PATCH /v1/sla/policies/:id`: the fields to change; the order changes by reorder. */
export const UpdateSlaPolicy = policyFields
  .partial()
  .extend(expectedVersion)
  .refine(nonEmpty, 'nothing to change');

/** `POST /v1/sla/policies/reorder`: every live policy once, first match first. */
export const ReorderSlaPolicies = z.object({
  ids: z
    .array(Id)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'each policy once'),
});

const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'an http(s) URL' })
  .max(2000)
  .nullable();
/** Signs every delivery (Sidedesk-Signature); the receiver keeps the same secret. */
const WebhookSecret = z.string().min(16).max(200);

/** Where breaches are posted, as the API stores it; a null url turns it off. */
export const SlaWebhook = z
  .object({ url: WebhookUrl, secret: WebhookSecret.nullable() })
  .refine((w) => w.url === null || w.secret !== null, {
    message: 'a webhook needs a secret',
    path: ['secret'],
  });
export type SlaWebhook = z.infer<typeof SlaWebhook>;

/** `PUT /v1/sla/webhook` (admins): a secret left out keeps the stored one. */
export const SetSlaWebhook = z.object({
  url: WebhookUrl,
  secret: WebhookSecret.nullable().optional(),
});
export type SetSlaWebhook = z.infer<typeof SetSlaWebhook>;

/** `GET/PUT /v1/sla/webhook` answer: the secret is write-only, so only whether one is set. */
export const SlaWebhookView = z.object({ url: WebhookUrl, secretSet: z.boolean() });
export type SlaWebhookView = z.infer<typeof SlaWebhookView>;

/** `POST /v1/sla/webhook/test`: one signed delivery sent at once, not retried. */
export const SlaWebhookTestResult = z.object({
  delivered: z.boolean(),
  /** The receiver's HTTP status; null when it could not be reached. */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type SlaWebhookTestResult = z.infer<typeof SlaWebhookTestResult>;

/** The JSON body of a webhook delivery. */
export const SlaWebhookPayload = z.object({
  /** The delivery id: the same on every retry, for the receiver to drop repeats. */
  id: Id,
  type: z.enum(['sla.breached', 'sla.test']),
  workspaceId: Id,
  createdAt: Instant,
  data: z
    .object({
      conversationId: z.string(),
      subject: z.string(),
      priority: Priority,
      assigneeId: Id.nullable(),
      target: SlaTargetKind,
      /** Which clock of the target: 0, or the index of a next-response clock. */
      clock: z.number().int().nonnegative(),
      dueAt: Instant,
      policyId: Id,
    })
    .nullable(),
});
export type SlaWebhookPayload = z.infer<typeof SlaWebhookPayload>;

/** What an `sla.warning` / `sla.breached` event records in `after`. */
export const SlaAlertEvent = z.object({
  target: SlaTargetKind,
  clock: z.number().int().nonnegative(),
  dueAt: Instant.nullable(),
  warnAt: Instant.nullable(),
  assigneeId: Id.nullable(),
  policyId: Id,
});
export type SlaAlertEvent = z.infer<typeof SlaAlertEvent>;

/** `POST /v1/sla/sweep`. */
export const SlaSweepResult = z.object({
  /** Conversations evaluated again. */
  conversations: z.number().int().nonnegative(),
  /** Warnings and breaches recorded by this sweep (each is recorded once, ever). */
  alerts: z.number().int().nonnegative(),
  /** Automation jobs run (rules on these alerts, timers due) and those that failed. */
  automations: z.object({
    ran: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
  deliveries: z.object({
    delivered: z.number().int().nonnegative(),
    retrying: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
});
export type SlaSweepResult = z.infer<typeof SlaSweepResult>;
