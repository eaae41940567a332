import { z } from 'zod';
import { Id, Instant } from './common';
import { Priority, TagName } from './conversation-fields';
import type { DurationStats, RateFigure, ReportFigures } from './reports';

/** How a goal's metric reads out of a report: one number and the samples behind it. */
export type GoalMetricSpec = {
  title: string;
  unit: 'ms' | 'rate';
  /** Which way is good: sets the default comparison and colours the review's movers. */
  better: 'lower' | 'higher';
  read: (figures: ReportFigures) => { value: number | null; samples: number };
};

type KeysOf<T> = {
  [K in keyof ReportFigures]: ReportFigures[K] extends T ? K : never;
}[keyof ReportFigures];

const duration = (
  key: KeysOf<DurationStats>,
  stat: 'medianMs' | 'p90Ms' | 'averageMs',
  title: string,
): GoalMetricSpec => ({
  title,
  unit: 'ms',
  better: 'lower',
  read: (f) => ({ value: f[key][stat], samples: f[key].count }),
});

const rate = (
  key: KeysOf<RateFigure>,
  title: string,
  better: GoalMetricSpec['better'] = 'higher',
): GoalMetricSpec => ({
  title,
  unit: 'rate',
  better,
  read: (f) => ({ value: f[key].rate, samples: f[key].of }),
});

/** The report figures a goal can aim at: a new figure is one more line. */
export const GOAL_METRICS = {
  firstResponseMedian: duration('firstResponse', 'medianMs', 'First response time (median)'),
  firstResponseP90: duration('firstResponse', 'p90Ms', 'First response time (p90)'),
  nextResponseMedian: duration('nextResponse', 'medianMs', 'Next response time (median)'),
  resolutionMedian: duration('resolution', 'medianMs', 'Resolution time (median)'),
  resolutionP90: duration('resolution', 'p90Ms', 'Resolution time (p90)'),
  firstContactResolution: rate('firstContactResolution', 'First-contact resolution'),
  reopenRate: rate('reopenRate', 'Reopen rate', 'lower'),
  slaFirstResponse: rate('slaFirstResponse', 'SLA first response met'),
  slaNextResponse: rate('slaNextResponse', 'SLA next response met'),
  slaResolution: rate('slaResolution', 'SLA resolution met'),
  escalationRate: rate('escalationRate', 'Escalation rate', 'lower'),
  copilotAcceptance: rate('copilotAcceptance', 'Copilot acceptance'),
  csat: rate('csat', 'CSAT'),
} as const satisfies Record<string, GoalMetricSpec>;

export const GoalMetric = z.enum(
  Object.keys(GOAL_METRICS) as [keyof typeof GOAL_METRICS, ...(keyof typeof GOAL_METRICS)[]],
);
export type GoalMetric = z.infer<typeof GoalMetric>;

/** Met when the value is at most (durations, bad rates) or at least (good rates) the target. */
export const GoalComparison = z.enum(['atMost', 'atLeast']);
export type GoalComparison = z.infer<typeof GoalComparison>;

export const defaultComparison = (metric: GoalMetric): GoalComparison =>
  GOAL_METRICS[metric].better === 'lower' ? 'atMost' : 'atLeast';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;
const LocalDate = z.iso.date();

/** Local days of the report time zone: `to` is the last day counted. */
const CustomTimeframe = z
  .object({ kind: z.literal('custom'), from: LocalDate, to: LocalDate })
  .refine((t) => t.from <= t.to, { message: '`from` must not be after `to`', path: ['to'] })
  .refine((t) => Date.parse(t.to) - Date.parse(t.from) < MAX_DAYS * DAY_MS, {
    message: `a goal covers at most ${MAX_DAYS} days`,
    path: ['to'],
  });

/** The calendar week (Monday first), month or quarter under way, or fixed days. */
export const GoalTimeframe = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('week') }),
  z.object({ kind: z.literal('month') }),
  z.object({ kind: z.literal('quarter') }),
  CustomTimeframe,
]);
export type GoalTimeframe = z.infer<typeof GoalTimeframe>;

/** The report filters a goal narrows to (current fields of the conversations). */
export const GoalFilters = z.strictObject({
  teamId: Id.optional(),
  tag: TagName.optional(),
  mailbox: z
    .email()
    .max(320)
    .transform((e) => e.toLowerCase())
    .optional(),
  priority: Priority.optional(),
});
export type GoalFilters = z.infer<typeof GoalFilters>;

const MAX_TARGET_MS = MAX_DAYS * DAY_MS;

/** `POST /v1/goals`, `PUT /v1/goals/:id`: the comparison defaults to the metric's. */
export const GoalInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    metric: GoalMetric,
    comparison: GoalComparison.optional(),
    target: z.number().nonnegative(),
    timeframe: GoalTimeframe,
    filters: GoalFilters.default({}),
  })
  .superRefine((g, ctx) => {
    const unit = GOAL_METRICS[g.metric].unit;
    if (unit === 'rate' && g.target > 1)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'a rate is between 0 and 1' });
    if (unit === 'ms' && (!Number.isInteger(g.target) || g.target > MAX_TARGET_MS))
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: `a duration is whole milliseconds, at most ${MAX_DAYS} days`,
      });
  })
  .transform((g) => ({ ...g, comparison: g.comparison ?? defaultComparison(g.metric) }));
export type GoalInput = z.input<typeof GoalInput>;

export const Goal = z.object({
  id: Id,
  name: z.string(),
  metric: GoalMetric,
  comparison: GoalComparison,
  /** Milliseconds for a duration, 0–1 for a rate. */
  target: z.number(),
  timeframe: GoalTimeframe,
  filters: GoalFilters,
  createdAt: Instant,
  updatedAt: Instant,
});
export type Goal = z.infer<typeof Goal>;

/** The metric over the timeframe so far, as `GET /v1/reports/summary` computes it. */
export const GoalProgress = z.object({
  /** The whole timeframe, in the report time zone; the value covers `from` to `asOf`. */
  from: Instant,
  to: Instant,
  asOf: Instant,
  timeZone: z.string(),
  value: z.number().nullable(),
  samples: z.number().int().nonnegative(),
  onTrack: z.boolean(),
  /** Why there is no value beyond a lack of samples (a team deleted since). */
  problem: z.string().nullable(),
});
export type GoalProgress = z.infer<typeof GoalProgress>;

export const GoalWithProgress = Goal.extend({ progress: GoalProgress });
export type GoalWithProgress = z.infer<typeof GoalWithProgress>;
