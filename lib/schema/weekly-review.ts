import { z } from 'zod';
import { Id, Instant } from './common';
import { GoalMetric } from './goals';
import { AdherenceFigure, DurationStats, RateFigure, ReportFigures } from './reports';
import { SlaWebhookView } from './sla-records';

/** `GET /v1/reports/weekly?week=`: any day of the week; by default the last full week. */
export const WeeklyReviewQuery = z.strictObject({ week: z.iso.date().optional() });

/** A figure that moved between last week and this one; `change` is relative (0.25 = +25 %). */
export const ReviewMover = z.object({
  metric: GoalMetric,
  title: z.string(),
  unit: z.enum(['ms', 'rate']),
  previous: z.number(),
  current: z.number(),
  change: z.number(),
  /** The move went the good way (down for durations and bad rates). */
  improved: z.boolean(),
});
export type ReviewMover = z.infer<typeof ReviewMover>;

export const WeeklyReview = z.object({
  /** The Monday the week starts on, in `timeZone`. */
  week: z.iso.date(),
  from: Instant,
  to: Instant,
  timeZone: z.string(),
  asOf: Instant,
  conversations: z.object({
    current: z.number().int().nonnegative(),
    previous: z.number().int().nonnegative(),
  }),
  /** Each mailbox of the workspace's settings. */
  mailboxes: z.array(
    z.object({
      mailbox: z.string(),
      conversations: z.number().int().nonnegative(),
      firstResponse: DurationStats,
    }),
  ),
  /** The tags on the most conversations that arrived in the week, at most ten. */
  tags: z.array(
    z.object({
      tag: z.string(),
      conversations: z.number().int().nonnegative(),
      firstContactResolution: RateFigure,
    }),
  ),
  escalationRate: RateFigure,
  copilotAcceptance: ReportFigures.shape.copilotAcceptance,
  sla: z.object({
    firstResponse: AdherenceFigure,
    nextResponse: AdherenceFigure,
    resolution: AdherenceFigure,
  }),
  /** The largest relative changes against the week before, largest first. */
  movers: z.array(ReviewMover),
});
export type WeeklyReview = z.infer<typeof WeeklyReview>;

/** The body of a review delivery, signed like the SLA webhook's (docs/analytics.md). */
export const WeeklyReviewPayload = z.object({
  /** The delivery id: the same on every retry, for the receiver to drop repeats. */
  id: Id,
  type: z.literal('review.weekly'),
  workspaceId: Id,
  createdAt: Instant,
  data: WeeklyReview,
});
export type WeeklyReviewPayload = z.infer<typeof WeeklyReviewPayload>;

/** `PUT /v1/reports/weekly/webhook` (admins): the server makes the secret. */
export const SetReviewWebhook = z.strictObject({
  url: SlaWebhookView.shape.url,
  /** A new secret even when one is set (the old one stops working). */
  rotateSecret: z.boolean().default(false),
});
export type SetReviewWebhook = z.input<typeof SetReviewWebhook>;

/** The review webhook; `secret` only in the answer that generated it, to copy once. */
export const ReviewWebhookView = SlaWebhookView.extend({ secret: z.string().nullable() });
export type ReviewWebhookView = z.infer<typeof ReviewWebhookView>;
