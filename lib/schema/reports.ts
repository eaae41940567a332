import { z } from 'zod';
import { Id, Instant } from './common';
import { Priority, Status, TagName } from './conversation-fields';
import { SlaTargetKind, TimeZone } from './sla';
import { SurveyKind, SurveyScale } from './survey';

/** Which clock durations are measured in: business hours of a calendar, or elapsed time. */
export const ReportClock = z.enum(['business', 'calendar']);
export type ReportClock = z.infer<typeof ReportClock>;

/** Every metric a report names; `definitions.ts` (lib/metrics) says what each one means. */
export const MetricId = z.enum([
  'conversations',
  'firstResponse',
  'firstResponseFromAssignment',
  'nextResponse',
  'averageResponse',
  'resolution',
  'firstContactResolution',
  'reopenRate',
  'slaFirstResponse',
  'slaNextResponse',
  'slaResolution',
  'escalationRate',
  'copilotAcceptance',
  'csat',
  'nps',
  'ces',
  'volume',
  'backlog',
  'workload',
]);
export type MetricId = z.infer<typeof MetricId>;

/** The metrics whose figure comes from samples of single conversations (drill-down). */
export const SampledMetricId = MetricId.exclude(['volume', 'backlog', 'workload']);
export type SampledMetricId = z.infer<typeof SampledMetricId>;

export const MetricDefinition = z.object({
  id: MetricId,
  title: z.string(),
  /** One or two plain sentences, as the reports UI shows them. */
  definition: z.string(),
  /** `score`: NPS (−100 to 100) and CES (an average of 1 to 7). */
  unit: z.enum(['ms', 'count', 'rate', 'score']),
});
export type MetricDefinition = z.infer<typeof MetricDefinition>;

const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

/** The filters every report route shares (query strings). */
const filterFields = {
  from: Instant,
  to: Instant,
  agentId: Id.optional(),
  teamId: Id.optional(),
  tag: TagName.optional(),
  priority: Priority.optional(),
  mailbox: z
    .email()
    .transform((e) => e.toLowerCase())
    .optional(),
  clock: ReportClock.default('calendar'),
  /** Days are cut in this zone; by default the workspace's business calendar's, else UTC. */
  timeZone: TimeZone.optional(),
};

const checkedRange = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
      message: '`from` must be before `to`',
      path: ['to'],
    })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_DAYS * DAY_MS, {
      message: `a report covers at most ${MAX_RANGE_DAYS} days`,
      path: ['to'],
    });

export const ReportFilters = checkedRange(z.strictObject(filterFields));
export type ReportFilters = z.infer<typeof ReportFilters>;

export const ReportConversationsQuery = checkedRange(
  z.strictObject({
    ...filterFields,
    metric: SampledMetricId,
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  }),
);
export type ReportConversationsQuery = z.infer<typeof ReportConversationsQuery>;

export const FactQuery = z.strictObject({ clock: ReportClock.default('calendar') });
export type FactQuery = z.infer<typeof FactQuery>;

// ---- One conversation's facts ----

/** The activity events (ids) a fact was read from: the drill-down of every number. */
const EventIds = z.array(z.string());
const Ms = z.number().int().nonnegative();

export const ResponseFact = z.object({
  /** The customer message (or re-open) that started the wait. */
  waitingSince: Instant,
  /** The agent reply that ended it. */
  at: Instant,
  ms: Ms,
  eventIds: EventIds,
});
export type ResponseFact = z.infer<typeof ResponseFact>;

export const SlaOutcome = z.object({
  target: SlaTargetKind,
  /** 0, or the index of a next-response clock. */
  clock: z.number().int().nonnegative(),
  state: z.enum(['running', 'paused', 'met', 'breached']),
  dueAt: Instant.nullable(),
  completedAt: Instant.nullable(),
  /** Clock time used, in the policy's own clock (as the countdowns show it). */
  usedMs: Ms,
  eventIds: EventIds,
});
export type SlaOutcome = z.infer<typeof SlaOutcome>;

export const CopilotDraftOutcome = z.enum(['accepted', 'edited', 'discarded']);

export const ConversationFacts = z.object({
  conversationId: z.string(),
  /** Durations below (not SLA outcomes) are in this clock. */
  clock: ReportClock,
  /** The calendar business time was measured in; null for calendar time. */
  calendarId: Id.nullable(),
  /** The instant the facts describe: events after it are not read. */
  asOf: Instant,
  status: Status,
  assigneeId: Id.nullable(),
  arrival: z.object({ at: Instant, eventIds: EventIds }),
  firstAssignment: z.object({ at: Instant, assigneeId: Id, eventIds: EventIds }).nullable(),
  firstResponse: z
    .object({
      at: Instant,
      fromArrivalMs: Ms,
      /** Null when the first reply came before anyone was assigned. */
      fromAssignmentMs: Ms.nullable(),
      eventIds: EventIds,
    })
    .nullable(),
  /** Every later wait for an agent reply, oldest first. */
  nextResponses: z.array(ResponseFact),
  agentReplies: z.number().int().nonnegative(),
  /** Null while the conversation is not closed. */
  resolution: z
    .object({
      at: Instant,
      /** Open time until the last close: closed spans and paused spans left out. */
      ms: Ms,
      /** Elapsed time from arrival to the last close. */
      calendarSpanMs: Ms,
      pausedWhen: z.array(Status),
      eventIds: EventIds,
    })
    .nullable(),
  reopens: z.array(z.object({ at: Instant, eventIds: EventIds })),
  firstContactResolution: z.object({ value: z.boolean(), eventIds: EventIds }).nullable(),
  escalation: z
    .object({ at: Instant, from: Priority, to: Priority, eventIds: EventIds })
    .nullable(),
  sla: z.object({ policyId: Id, targets: z.array(SlaOutcome) }).nullable(),
  copilotDrafts: z.array(
    z.object({ at: Instant, outcome: CopilotDraftOutcome, eventIds: EventIds }),
  ),
  /** The customer's answers to rating links (CSAT, NPS, CES), one per link rated. */
  ratings: z.array(
    z.object({
      at: Instant,
      kind: SurveyKind,
      scale: SurveyScale,
      score: z.number().int().min(0).max(10),
      eventIds: EventIds,
    }),
  ),
  /** When the conversation was not closed: [start, end), end null while open. */
  openSpans: z.array(z.object({ start: Instant, end: Instant.nullable() })),
  assignments: z.array(z.object({ at: Instant, assigneeId: Id.nullable(), eventIds: EventIds })),
  closes: z.array(z.object({ at: Instant, assigneeId: Id.nullable(), eventIds: EventIds })),
});
export type ConversationFacts = z.infer<typeof ConversationFacts>;

// ---- Aggregates ----

export const DurationStats = z.object({
  count: z.number().int().nonnegative(),
  medianMs: Ms.nullable(),
  p90Ms: Ms.nullable(),
  averageMs: Ms.nullable(),
});
export type DurationStats = z.infer<typeof DurationStats>;

export const RateFigure = z.object({
  count: z.number().int().nonnegative(),
  of: z.number().int().nonnegative(),
  /** count / of, null when `of` is 0. */
  rate: z.number().min(0).max(1).nullable(),
});
export type RateFigure = z.infer<typeof RateFigure>;

export const AdherenceFigure = RateFigure.extend({
  /** Clocks still counting or paused: not yet met or breached. */
  pending: z.number().int().nonnegative(),
});
export type AdherenceFigure = z.infer<typeof AdherenceFigure>;

export const ReportFigures = z.object({
  conversations: z.number().int().nonnegative(),
  firstResponse: DurationStats,
  firstResponseFromAssignment: DurationStats.extend({
    repliedBeforeAssignment: z.number().int().nonnegative(),
  }),
  nextResponse: DurationStats,
  averageResponse: DurationStats,
  resolution: DurationStats,
  firstContactResolution: RateFigure,
  reopenRate: RateFigure,
  slaFirstResponse: AdherenceFigure,
  slaNextResponse: AdherenceFigure,
  slaResolution: AdherenceFigure,
  escalationRate: RateFigure,
  copilotAcceptance: RateFigure.extend({
    accepted: z.number().int().nonnegative(),
    edited: z.number().int().nonnegative(),
    discarded: z.number().int().nonnegative(),
  }),
  /** Satisfied CSAT ratings (👍, or 4–5 of 5) of all CSAT ratings. */
  csat: RateFigure,
  nps: z.object({
    count: z.number().int().nonnegative(),
    promoters: z.number().int().nonnegative(),
    passives: z.number().int().nonnegative(),
    detractors: z.number().int().nonnegative(),
    /** % promoters − % detractors, from −100 to 100; null without ratings. */
    score: z.number().min(-100).max(100).nullable(),
  }),
  ces: z.object({
    count: z.number().int().nonnegative(),
    /** The mean effort, 1 (very difficult) to 7 (very easy); null without ratings. */
    average: z.number().min(1).max(7).nullable(),
  }),
  volume: z.array(
    z.object({
      date: z.iso.date(),
      arrived: z.number().int().nonnegative(),
      closed: z.number().int().nonnegative(),
    }),
  ),
  backlog: z.array(z.object({ date: z.iso.date(), open: z.number().int().nonnegative() })),
  workload: z.array(
    z.object({
      agentId: Id,
      open: z.number().int().nonnegative(),
      assigned: z.number().int().nonnegative(),
      assignedToday: z.number().int().nonnegative(),
      closed: z.number().int().nonnegative(),
    }),
  ),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/** `GET /v1/reports/summary`. */
export const ReportSummary = z.object({
  from: Instant,
  to: Instant,
  asOf: Instant,
  clock: ReportClock,
  timeZone: z.string(),
  figures: ReportFigures,
  definitions: z.array(MetricDefinition),
  /** Metrics of issue #9 not computed yet, and why. */
  notYet: z.array(z.object({ metric: z.string(), reason: z.string() })),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

/** One conversation's part in a figure: a duration, a yes/no, an SLA state or an outcome. */
export const MetricSample = z.object({
  conversationId: z.string(),
  value: z.union([z.number(), z.boolean(), z.string()]),
  /** The instant the sample is about (the reply, the close, the clock's start…). */
  at: Instant,
  eventIds: EventIds,
});
export type MetricSample = z.infer<typeof MetricSample>;

/** `GET /v1/reports/conversations`. */
export const ReportConversations = z.object({
  metric: SampledMetricId,
  definition: MetricDefinition,
  total: z.number().int().nonnegative(),
  samples: z.array(MetricSample),
});
export type ReportConversations = z.infer<typeof ReportConversations>;

/** `GET /v1/reports/conversations/:id`. */
export const ConversationReport = z.object({
  facts: ConversationFacts,
  definitions: z.array(MetricDefinition),
});
export type ConversationReport = z.infer<typeof ConversationReport>;

// ---- Tables (the reports UI and the `.csv` routes) ----

/** The tables of a summary that `GET /v1/reports/summary.csv?table=` exports. */
export const ReportTable = z.enum(['figures', 'volume', 'backlog', 'workload'], {
  error: 'table must be one of figures, volume, backlog, workload',
});
export type ReportTable = z.infer<typeof ReportTable>;

/** `GET /v1/reports/summary.csv`: one table of the summary over the usual filters. */
export const ReportTableQuery = checkedRange(
  z.strictObject({ ...filterFields, table: ReportTable }),
);
export type ReportTableQuery = z.infer<typeof ReportTableQuery>;

/** `GET /v1/reports/conversations.csv`: every sample behind one figure, unpaged. */
export const ReportConversationsCsvQuery = checkedRange(
  z.strictObject({ ...filterFields, metric: SampledMetricId }),
);
export type ReportConversationsCsvQuery = z.infer<typeof ReportConversationsCsvQuery>;

/** A drill-down sample with the subject of its conversation, for a list people read. */
export const ReportSampleRow = MetricSample.extend({ subject: z.string() });
export type ReportSampleRow = z.infer<typeof ReportSampleRow>;

/** `GET /v1/reports/conversations`, as the route answers it: samples with their subjects. */
export const ReportConversationsPage = ReportConversations.extend({
  samples: z.array(ReportSampleRow),
});
export type ReportConversationsPage = z.infer<typeof ReportConversationsPage>;

/** One metric event of a conversation, as its timeline shows it. */
export const TimelineEvent = z.object({
  id: z.string(),
  type: z.string(),
  /** When it happened: a reply or customer message when it was sent, else when recorded. */
  at: Instant,
  actorId: Id.nullable(),
  /** What changed, in a word: the new status or priority, the assignee id, the draft's outcome, the SLA target. */
  detail: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** `GET /v1/reports/conversations/:id`: the facts, and the events they name in time order. */
export const ConversationTimeline = ConversationReport.extend({
  subject: z.string(),
  events: z.array(TimelineEvent),
});
export type ConversationTimeline = z.infer<typeof ConversationTimeline>;
