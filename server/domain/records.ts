import type {
  Conversation,
  Event,
  Invite,
  Member,
  Note,
  SlaCalendarRecord,
  SlaPolicyRecord,
  Tag,
  Template,
  TemplateContent,
  TemplateVersion,
  Workspace,
  WorkspaceSettings,
} from '../../lib/schema';
import type * as t from '../db/schema';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** The workspace record's `version` is when the record itself last changed. */
export const toWorkspace = (r: Row<typeof t.workspaces>): Workspace => ({
  id: r.id,
  name: r.name,
  version: r.recordVersion,
  createdAt: iso(r.createdAt),
});

export const toMember = (r: Row<typeof t.members>): Member => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  status: r.status,
  availability: r.availability,
  capacity: r.capacity,
  skills: r.skills,
  calendarId: r.calendarId,
  version: r.version,
});

export const toInvite = (r: Row<typeof t.invites>): Invite => ({
  id: r.id,
  email: r.email,
  role: r.role,
  createdAt: iso(r.createdAt),
  expiresAt: iso(r.expiresAt),
  acceptedAt: isoOrNull(r.acceptedAt),
  revokedAt: isoOrNull(r.revokedAt),
});

/** `slaCheckAt` is the sweep's plumbing, not part of the record. */
export const toConversation = (
  r: Omit<Row<typeof t.conversations>, 'slaCheckAt'>,
): Conversation => ({
  id: r.id,
  key: r.key,
  host: r.host,
  refs: r.refs,
  subject: r.subject,
  participants: r.participants,
  firstMessageAt: isoOrNull(r.firstMessageAt),
  lastMessageAt: isoOrNull(r.lastMessageAt),
  status: r.status,
  snoozedUntil: isoOrNull(r.snoozedUntil),
  priority: r.priority,
  assigneeId: r.assigneeId,
  tags: r.tags,
  dueAt: isoOrNull(r.dueAt),
  sla: r.sla ?? null,
  lastMessageFrom: r.lastMessageFrom,
  teamId: r.teamId,
  followers: r.followers,
  slaPolicyId: r.slaPolicyId,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  version: r.version,
});

/** The row for a conversation record; instants are parsed back to dates. */
export const conversationRow = (workspaceId: string, c: Conversation) => ({
  workspaceId,
  id: c.id,
  key: c.key,
  host: c.host,
  refs: c.refs,
  subject: c.subject,
  participants: c.participants,
  firstMessageAt: dateOrNull(c.firstMessageAt),
  lastMessageAt: dateOrNull(c.lastMessageAt),
  status: c.status,
  snoozedUntil: dateOrNull(c.snoozedUntil),
  priority: c.priority,
  assigneeId: c.assigneeId,
  tags: c.tags,
  dueAt: dateOrNull(c.dueAt),
  sla: c.sla,
  lastMessageFrom: c.lastMessageFrom,
  teamId: c.teamId,
  followers: c.followers,
  slaPolicyId: c.slaPolicyId,
  createdAt: new Date(c.createdAt),
  updatedAt: new Date(c.updatedAt),
  version: c.version,
});

const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));

export const toNote = (r: Row<typeof t.notes>): Note => ({
  id: r.id,
  conversationId: r.conversationId,
  authorId: r.authorId,
  body: r.body,
  mentions: r.mentions,
  createdAt: iso(r.createdAt),
  version: r.version,
});

export const toTag = (r: Row<typeof t.tags>): Tag => ({
  id: r.id,
  name: r.name,
  color: r.color,
  archived: r.archived,
  version: r.version,
});

/** What a template's revision holds: its fields without bookkeeping. */
export const toTemplateContent = (r: Row<typeof t.templates>): TemplateContent => ({
  title: r.title,
  body: r.body,
  scope: r.scope,
  folder: r.folder,
  shortcut: r.shortcut,
  tags: r.tags,
  instruction: r.instruction,
  teamId: r.teamId,
});

export const toTemplate = (r: Row<typeof t.templates>): Template => ({
  id: r.id,
  ownerId: r.ownerId,
  ...toTemplateContent(r),
  revision: r.revision,
  usageCount: r.usageCount,
  updatedAt: iso(r.updatedAt),
  version: r.version,
});

export const toEvent = (r: Row<typeof t.events>): Event => ({
  id: r.id,
  version: r.version,
  actorId: r.actorId,
  conversationId: r.conversationId,
  type: r.type,
  before: r.before ?? null,
  after: r.after ?? null,
  at: iso(r.at),
});

export const toTemplateVersion = (r: Row<typeof t.templateVersions>): TemplateVersion => ({
  templateId: r.templateId,
  revision: r.revision,
  content: r.content,
  authorId: r.authorId,
  at: iso(r.at),
});

export const toSlaCalendar = (r: Row<typeof t.slaCalendars>): SlaCalendarRecord => ({
  id: r.id,
  name: r.name,
  timeZone: r.timeZone,
  alwaysOpen: r.alwaysOpen,
  weekly: r.weekly,
  holidays: r.holidays,
  holidayCountry: r.holidayCountry ?? null,
  version: r.version,
});

export const toSlaPolicy = (r: Row<typeof t.slaPolicies>): SlaPolicyRecord => ({
  id: r.id,
  name: r.name,
  position: r.position,
  conditions: r.conditions,
  targets: r.targets,
  clock: r.clock,
  pauseWhen: r.pauseWhen,
  warning: r.warning ?? null,
  calendarId: r.calendarId,
  version: r.version,
});

/** The copilot slot stays null until the copilot issue defines it. */
export const toSettings = (r: Row<typeof t.workspaces>): WorkspaceSettings => ({
  name: r.name,
  mailboxes: r.mailboxes,
  retentionDays: r.retentionDays,
  copilot: null,
});
