import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
  Participant,
  SlaConditions,
  SlaPolicy,
  SlaState,
  SlaWarning,
  SlaWebhook,
  TemplateContent,
  ThreadRef,
} from '../../lib/schema';

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
