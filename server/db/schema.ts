import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  BusinessCalendar,
  CopilotSettings,
  GoalFilters,
  GoalTimeframe,
  Participant,
  SlaConditions,
  SlaPolicy,
  SlaState,
  SlaWarning,
  SlaWebhook,
  TemplateContent,
  ThreadRef,
} from '../../lib/schema';
import {
  DEFAULT_ROUTING,
  type RuleAction,
  type RuleCondition,
  type RuleTrigger,
  type TeamRouting,
} from '../../lib/schema/automation';

/** Versions are per-workspace counters: numbers in JS, bigint in SQL. */
const version = (name = 'version') => bigint(name, { mode: 'number' }).notNull();
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A workspace's copilot settings as stored; the key is a column of its own. */
export type CopilotConfig = Omit<CopilotSettings, 'keySet'>;
export const DEFAULT_COPILOT: CopilotConfig = {
  provider: 'offline',
  baseUrl: null,
  model: null,
  redactPii: true,
  externalAllowed: true,
};

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** The sync cursor: bumped by every write transaction in this workspace. */
  version: version().default(0),
  /** The version at which the workspace record itself (its name) last changed. */
  recordVersion: version('record_version').default(0),
  /** Pulls from older cursors must bootstrap again (history before it was compacted). */
  minCursor: version('min_cursor').default(0),
  /** The shared addresses the workspace covers. */
  mailboxes: jsonb('mailboxes').$type<string[]>().notNull().default([]),
  retentionDays: integer('retention_days'),
  /** The copilot's provider and privacy switches (docs/copilot.md); the key is apart. */
  copilot: jsonb('copilot').$type<CopilotConfig>().notNull().default(DEFAULT_COPILOT),
  /** The external provider's key: write-only for admins, read by members' workers only. */
  copilotApiKey: text('copilot_api_key'),
  /** Where SLA breaches are posted, and the secret that signs them; null = nowhere. */
  slaWebhook: jsonb('sla_webhook').$type<SlaWebhook>(),
  /** Where the weekly review is posted, and the generated secret that signs it; null = nowhere. */
  reviewWebhook: jsonb('review_webhook').$type<SlaWebhook>(),
  createdAt: instant('created_at').notNull(),
});

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'lead', 'agent'] }).notNull(),
    status: text('status', { enum: ['active', 'deactivated'] }).notNull(),
    availability: text('availability', { enum: ['available', 'away'] }).notNull(),
    capacity: integer('capacity'),
    /** Tags this member can answer (skills-based routing). */
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    /** Their working hours, as an SLA calendar; null: always. */
    calendarId: uuid('calendar_id'),
    /** "Sign out everywhere": member tokens issued before this are refused. */
    signedOutAt: instant('signed_out_at'),
    version: version(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('members_workspace_email').on(t.workspaceId, t.email),
    index('members_workspace_version').on(t.workspaceId, t.version),
    index('members_email').on(t.email),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    email: text('email').notNull(),
    role: text('role', { enum: ['admin', 'lead', 'agent'] }).notNull(),
    /** sha256 of the one-time code: the code itself is shown once and never stored. */
    codeHash: text('code_hash').notNull().unique(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('invites_workspace').on(t.workspaceId), index('invites_email').on(t.email)],
);

export const conversations = pgTable(
  'conversations',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    id: text('id').notNull(),
    key: text('key').notNull(),
    host: text('host', { enum: ['gmail', 'outlook'] }).notNull(),
    refs: jsonb('refs').$type<ThreadRef[]>().notNull(),
    subject: text('subject').notNull(),
    participants: jsonb('participants').$type<Participant[]>().notNull(),
    firstMessageAt: instant('first_message_at'),
    lastMessageAt: instant('last_message_at'),
    status: text('status', { enum: ['open', 'pending', 'snoozed', 'closed'] }).notNull(),
    snoozedUntil: instant('snoozed_until'),
    priority: text('priority', { enum: ['urgent', 'high', 'normal', 'low'] }).notNull(),
    assigneeId: uuid('assignee_id'),
    tags: jsonb('tags').$type<string[]>().notNull(),
    dueAt: instant('due_at'),
    sla: jsonb('sla').$type<SlaState>(),
    lastMessageFrom: text('last_message_from'),
    teamId: uuid('team_id'),
    followers: jsonb('followers').$type<string[]>().notNull().default([]),
    slaPolicyId: uuid('sla_policy_id'),
    /**
     * When the SLA sweep should look at the conversation again: its next warning or breach,
     * or at once after a policy change. Not synced: changing it bumps no version.
     */
    slaCheckAt: instant('sla_check_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    version: version(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('conversations_workspace_key').on(t.workspaceId, t.key),
    index('conversations_workspace_version').on(t.workspaceId, t.version),
    index('conversations_workspace_assignee').on(t.workspaceId, t.assigneeId),
    index('conversations_sla_check').on(t.slaCheckAt).where(sql`${t.slaCheckAt} is not null`),
    index('conversations_workspace_sla_check')
      .on(t.workspaceId, t.slaCheckAt)
      .where(sql`${t.slaCheckAt} is not null`),
    // Retention reads the closed and deleted conversations idle longest, in every sweep.
    index('conversations_retention')
      .on(t.workspaceId, t.updatedAt)
      .where(sql`${t.status} = 'closed' or ${t.deletedAt} is not null`),
  ],
);

export const notes = pgTable(
  'notes',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    id: uuid('id').notNull(),
    conversationId: text('conversation_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    mentions: jsonb('mentions').$type<string[]>().notNull(),
    createdAt: instant('created_at').notNull(),
    version: version(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('notes_workspace_version').on(t.workspaceId, t.version),
    index('notes_workspace_conversation').on(t.workspaceId, t.conversationId),
  ],
);

export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    color: text('color').notNull(),
    archived: boolean('archived').notNull().default(false),
    version: version(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [
    uniqueIndex('tags_workspace_name').on(t.workspaceId, t.name).where(sql`${t.deletedAt} is null`),
    index('tags_workspace_version').on(t.workspaceId, t.version),
  ],
);

export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    ownerId: uuid('owner_id').notNull(),
    scope: text('scope', { enum: ['personal', 'team', 'workspace'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    folder: text('folder'),
    shortcut: text('shortcut'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    instruction: text('instruction'),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    revision: integer('revision').notNull(),
    usageCount: integer('usage_count').notNull().default(0),
    updatedAt: instant('updated_at').notNull(),
    version: version(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [index('templates_workspace_version').on(t.workspaceId, t.version)],
);

/** Every revision of a template, whole: the history a restore reads. Not synced. */
export const templateVersions = pgTable(
  'template_versions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id),
    revision: integer('revision').notNull(),
    content: jsonb('content').$type<TemplateContent>().notNull(),
    authorId: uuid('author_id'),
    at: instant('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.revision] })],
);

/** Named groups of members; plain REST records, not synced to the extension. */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    routing: jsonb('routing').$type<TeamRouting>().notNull().default(DEFAULT_ROUTING),
    /** Round-robin's place: the member it gave the last conversation to. */
    lastAssignedId: uuid('last_assigned_id'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('teams_workspace_name').on(t.workspaceId, t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.memberId] }),
    index('team_members_member').on(t.memberId),
  ],
);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    version: version(),
    actorId: uuid('actor_id'),
    conversationId: text('conversation_id'),
    type: text('type').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: instant('at').notNull(),
  },
  (t) => [
    index('events_workspace_version').on(t.workspaceId, t.version),
    index('events_workspace_conversation').on(t.workspaceId, t.conversationId, t.version),
    // Template usage statistics read only these events.
    index('events_template_used')
      .on(t.workspaceId, sql`(${t.after}->>'templateId')`)
      .where(sql`${t.type} = 'template.used'`),
    // Retention purges the workspace's own entries (not about a conversation) by age.
    index('events_workspace_at').on(t.workspaceId, t.at).where(sql`${t.conversationId} is null`),
  ],
);

/** A sync client (one extension install) is bound to the member who first pushed with it. */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: uuid('member_id').notNull(),
    lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('clients_workspace').on(t.workspaceId)],
);

/** The result of every consumed mutation id, returned again when the id is replayed. */
export const mutationResults = pgTable(
  'mutation_results',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    mutationId: bigint('mutation_id', { mode: 'number' }).notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    result: jsonb('result').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.mutationId] })],
);

export const liveTickets = pgTable('live_tickets', {
  /** sha256 of the ticket: a leaked database row cannot open a socket. */
  hash: text('hash').primaryKey(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  memberId: uuid('member_id').notNull(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
});

/** Business calendars; synced records (`slaCalendar`). */
export const slaCalendars = pgTable(
  'sla_calendars',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    alwaysOpen: boolean('always_open').notNull(),
    weekly: jsonb('weekly').$type<BusinessCalendar['weekly']>().notNull(),
    holidays: jsonb('holidays').$type<BusinessCalendar['holidays']>().notNull(),
    holidayCountry: jsonb('holiday_country').$type<BusinessCalendar['holidayCountry']>(),
    updatedAt: instant('updated_at').notNull(),
    version: version(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [index('sla_calendars_workspace_version').on(t.workspaceId, t.version)],
);

/** SLA policies, tried in `position` order; synced records (`slaPolicy`). */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    conditions: jsonb('conditions').$type<SlaConditions>().notNull(),
    targets: jsonb('targets').$type<SlaPolicy['targets']>().notNull(),
    clock: text('clock', { enum: ['business', 'calendar'] }).notNull(),
    pauseWhen: jsonb('pause_when').$type<SlaPolicy['pauseWhen']>().notNull(),
    warning: jsonb('warning').$type<SlaWarning>(),
    calendarId: uuid('calendar_id').references(() => slaCalendars.id),
    updatedAt: instant('updated_at').notNull(),
    version: version(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [index('sla_policies_workspace_version').on(t.workspaceId, t.version)],
);

/**
 * Every SLA warning and breach, once: the key is the conversation's target clock and the
 * kind, so a sweep that runs twice, or two sweeps at once, record it once.
 */
export const slaAlerts = pgTable(
  'sla_alerts',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    conversationId: text('conversation_id').notNull(),
    target: text('target', { enum: ['firstResponse', 'nextResponse', 'resolution'] }).notNull(),
    /** 0, or the index of a next-response clock. */
    clock: integer('clock').notNull(),
    kind: text('kind', { enum: ['warning', 'breach'] }).notNull(),
    dueAt: instant('due_at'),
    at: instant('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.conversationId, t.target, t.clock, t.kind] })],
);

/** Webhook deliveries, kept until delivered or given up, so a restart loses none. */
export const slaWebhookDeliveries = pgTable(
  'sla_webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    deliveredAt: instant('delivered_at'),
  },
  (t) => [
    index('sla_webhook_deliveries_due').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * Report rollups (docs/analytics.md): every conversation's part in each figure, computed
 * by lib/metrics from its events and kept until the conversation (or the workspace's SLA
 * setup) changes, so a report aggregates indexed rows in SQL instead of replaying events.
 */
export const reportSamples = pgTable(
  'report_samples',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    conversationId: text('conversation_id').notNull(),
    /** A sampled metric, or `openSpan`, `close`, `assignment`, `current` (trends, workload). */
    metric: text('metric').notNull(),
    seq: integer('seq').notNull(),
    /** The conversation's arrival: per-conversation figures count those arriving in the period. */
    arrivalAt: instant('arrival_at').notNull(),
    at: instant('at').notNull(),
    /** The end of an open span; null while open. */
    endAt: instant('end_at'),
    /** A duration in elapsed time, and in business time (null without a business calendar). */
    calendarMs: bigint('calendar_ms', { mode: 'number' }),
    businessMs: bigint('business_ms', { mode: 'number' }),
    /** Any other value: `true`/`false`, an SLA state, a draft's outcome, a status. */
    value: text('value'),
    /** The agent a close, an assignment or the current state is about. */
    agentId: uuid('agent_id'),
    eventIds: jsonb('event_ids').$type<string[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.conversationId, t.metric, t.seq] }),
    // Each row is in the one index its queries read (partial indexes: fewer entries to write).
    // Covering (as key columns: drizzle has no INCLUDE): a report's figures are read from
    // the index alone, in index-only scans, not from the wide rows.
    index('report_samples_arrival')
      .on(t.workspaceId, t.metric, t.arrivalAt, t.calendarMs, t.businessMs, t.value)
      .where(sql`${t.metric} not in ('openSpan', 'close', 'assignment', 'current')`),
    index('report_samples_at')
      .on(t.workspaceId, t.metric, t.at, t.agentId)
      .where(sql`${t.metric} in ('close', 'assignment')`),
    // Backlog reads the spans still open or closed lately, not every span ever.
    index('report_samples_span_end')
      .on(t.workspaceId, t.endAt, t.at)
      .where(sql`${t.metric} = 'openSpan'`),
    // Workload's "open now": the few conversations not closed, out of every one ever.
    index('report_samples_open')
      .on(t.workspaceId, t.agentId, t.arrivalAt)
      .where(sql`${t.metric} = 'current' and ${t.value} <> 'closed'`),
  ],
);

/** When each conversation's samples were computed, and until when they hold without an event. */
export const reportRollups = pgTable(
  'report_rollups',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    conversationId: text('conversation_id').notNull(),
    /** An SLA clock falls due or a snooze ends: the samples must be computed again then. */
    validUntil: instant('valid_until'),
    computedAt: instant('computed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.conversationId] }),
    index('report_rollups_valid_until')
      .on(t.workspaceId, t.validUntil)
      .where(sql`${t.validUntil} is not null`),
  ],
);

/** How far a workspace's rollups are: the sync version they include, the SLA setup they used. */
export const reportRollupState = pgTable('report_rollup_state', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  version: version(),
  /** sha256 of the policies, calendars and team addresses the samples were computed with. */
  setup: text('setup').notNull(),
  refreshedAt: instant('refreshed_at').notNull(),
});

/**
 * Rating links (CSAT, NPS, CES) and their answers: one row per link, so one per reply.
 * `score` and `comment` are the customer's own survey answer, given on our rating page.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    conversationId: text('conversation_id').notNull(),
    /** The member who added the link to a reply. */
    createdBy: uuid('created_by').notNull(),
    kind: text('kind', { enum: ['csat', 'nps', 'ces'] }).notNull(),
    scale: text('scale', { enum: ['thumbs', 'five', 'ten', 'seven'] }).notNull(),
    createdAt: instant('created_at').notNull(),
    score: integer('score'),
    ratedAt: instant('rated_at'),
    comment: text('comment'),
    commentedAt: instant('commented_at'),
  },
  (t) => [index('surveys_workspace_conversation').on(t.workspaceId, t.conversationId)],
);

/** The key that signs a workspace's rating links, made on first use (every instance reads it). */
export const surveyKeys = pgTable('survey_keys', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  /** 32 random bytes, base64url. */
  secret: text('secret').notNull(),
  createdAt: instant('created_at').notNull(),
});

/** Goals a lead set on a report figure (docs/analytics.md); progress is computed on read. */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    metric: text('metric').notNull(),
    comparison: text('comparison', { enum: ['atMost', 'atLeast'] }).notNull(),
    /** Milliseconds for a duration, 0–1 for a rate. */
    target: doublePrecision('target').notNull(),
    timeframe: jsonb('timeframe').$type<GoalTimeframe>().notNull(),
    filters: jsonb('filters').$type<GoalFilters>().notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('goals_workspace').on(t.workspaceId)],
);

/**
 * One row per workspace and week whose review the scheduler queued: the primary key lets
 * exactly one instance queue it, however many tick at once or restart.
 */
export const weeklyReviewSends = pgTable(
  'weekly_review_sends',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** The Monday the week starts on, in the report time zone. */
    week: text('week').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.week] })],
);

/** Automation rules (docs/automations.md): evaluated on the server, in `position` order. */
export const rules = pgTable(
  'rules',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull(),
    position: integer('position').notNull(),
    /** The trigger's type, apart, so a trigger finds its rules by index. */
    triggerType: text('trigger_type').notNull(),
    trigger: jsonb('trigger').$type<RuleTrigger>().notNull(),
    conditions: jsonb('conditions').$type<RuleCondition[]>().notNull(),
    actions: jsonb('actions').$type<RuleAction[]>().notNull(),
    stopProcessing: boolean('stop_processing').notNull(),
    createdBy: uuid('created_by'),
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [index('rules_workspace_trigger').on(t.workspaceId, t.triggerType)],
);

/**
 * The automation outbox: a write that fires a trigger inserts its job in the same
 * transaction, so a trigger is never lost to a crash between commit and evaluation. A job
 * runs at `runAt` (a no-reply timer, an incident's escalation) and is deleted once run.
 */
export const automationJobs = pgTable(
  'automation_jobs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    conversationId: text('conversation_id').notNull(),
    /** A trigger type, or `incident.escalate` / `route`. */
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Rules already fired in the chain that led here: a rule never re-fires in its own chain. */
    fired: jsonb('fired').$type<string[]>().notNull().default([]),
    runAt: instant('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('automation_jobs_due').on(t.runAt),
    index('automation_jobs_workspace').on(t.workspaceId, t.runAt),
  ],
);

export const incidentMonitors = pgTable(
  'incident_monitors',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    threshold: integer('threshold').notNull(),
    windowMinutes: integer('window_minutes').notNull(),
    teamId: uuid('team_id'),
    templateId: uuid('template_id'),
    escalateAfterMinutes: integer('escalate_after_minutes'),
    deletedAt: instant('deleted_at'),
  },
  (t) => [index('incident_monitors_workspace').on(t.workspaceId)],
);

/** A spike a monitor saw: open until a lead resolves it. */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => incidentMonitors.id),
    name: text('name').notNull(),
    openedAt: instant('opened_at').notNull(),
    resolvedAt: instant('resolved_at'),
    conversationIds: jsonb('conversation_ids').$type<string[]>().notNull(),
    teamId: uuid('team_id'),
    templateId: uuid('template_id'),
  },
  (t) => [
    // One open incident per monitor: two arrivals at once cannot open two.
    uniqueIndex('incidents_open_monitor').on(t.monitorId).where(sql`${t.resolvedAt} is null`),
    index('incidents_workspace').on(t.workspaceId, t.openedAt),
  ],
);

/**
 * Who is viewing or replying to a conversation: short-lived rows renewed by each client's
 * heartbeat, kept in the database so every API instance answers alike.
 */
export const presence = pgTable(
  'presence',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    conversationId: text('conversation_id').notNull(),
    memberId: uuid('member_id').notNull(),
    state: text('state', { enum: ['viewing', 'replying'] }).notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.conversationId, t.memberId] }),
    index('presence_expiry').on(t.workspaceId, t.expiresAt),
  ],
);

/**
 * One row per conversation anyone has been present on, locked (`ON CONFLICT DO UPDATE`) by
 * each presence write so writes to one conversation queue: a row lock rather than an
 * advisory lock, which CockroachDB lacks.
 */
export const presenceLocks = pgTable(
  'presence_locks',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    conversationId: text('conversation_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.conversationId] })],
);

/**
 * Requests counted per client (a member, or an address) in fixed windows, in the database so
 * every API instance counts alike; windows past their end are deleted by the scheduled sweep.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: instant('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * Admin actions (docs/data-care.md#audit-log): who changed which setting or record, written
 * in the transaction of the change. No foreign key to the workspace: the record of a
 * workspace's deletion outlives it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    /** The member who acted; null for the scheduler. */
    actorId: uuid('actor_id'),
    /** The route, as `METHOD /pattern`, or a named action such as `workspace.export`. */
    action: text('action').notNull(),
    /** The record acted on (the route's `:id`), when there is one. */
    target: text('target'),
    /** What changed: the fields named, and the values of a few harmless ones; never secrets or bodies. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('audit_log_workspace_at').on(t.workspaceId, t.at, t.id)],
);
