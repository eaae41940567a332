import { z } from 'zod';
import { Incident, IncidentMonitor, Rule } from './automation';
import { Id, Instant, Version } from './common';
import { Conversation } from './conversation';
import { CopilotProviderKind } from './copilot';
import { Event } from './event';
import { Goal } from './goals';
import { Note } from './note';
import { SlaCalendarRecord, SlaPolicyRecord } from './sla-records';
import { SurveyKind, SurveyScale } from './survey';
import { Tag } from './tag';
import { Team } from './team';
import { Template, TemplateVersion } from './template';
import { Invite, Member, WorkspaceSettings } from './workspace';

/** What one retention run deleted (docs/data-care.md#retention). */
export const RetentionResult = z.object({
  /** Workspaces where something was deleted. */
  workspaces: z.number().int().nonnegative(),
  conversations: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
});
export type RetentionResult = z.infer<typeof RetentionResult>;

/** One admin action: `action` is `METHOD /route/:pattern` or a named one (`workspace.export`). */
export const AuditEntry = z.object({
  id: Id,
  actorId: Id.nullable(),
  action: z.string(),
  target: z.string().nullable(),
  /** The route's params, the body's field names, and the values of a few harmless fields. */
  summary: z.record(z.string(), z.unknown()),
  at: Instant,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `GET /v1/audit?limit=&before=`: newest first; `next` is the `before` of the next page. */
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(200).optional(),
});
export const AuditPage = z.object({ entries: z.array(AuditEntry), next: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** `DELETE /v1/workspace`: the admin types the workspace's name, as a guard against slips. */
export const DeleteWorkspace = z.object({ confirm: z.string().max(200) });

/** What `DELETE /v1/workspace` removed: rows per table (tables with none are left out). */
export const WorkspaceDeleted = z.object({
  workspaceId: Id,
  deleted: z.record(z.string(), z.number().int().nonnegative()),
});

const deletable = <T extends z.ZodObject>(record: T) =>
  record.extend({ deletedAt: Instant.nullable() });

/**
 * `GET /v1/workspace/export`: everything the server holds for a workspace, for a data
 * subject's request or a move. Never a secret: no invite code hashes, webhook secrets,
 * copilot key, survey signing key or tokens. Deleted records still held (tombstones)
 * carry their `deletedAt`. Report samples are left out: they are computed from the events.
 */
export const WorkspaceExport = z.object({
  format: z.literal('sidedesk.workspace-export'),
  formatVersion: z.literal(1),
  exportedAt: Instant,
  workspace: WorkspaceSettings.omit({ copilot: true }).extend({
    id: Id,
    version: Version,
    createdAt: Instant,
    copilotProvider: CopilotProviderKind,
    slaWebhookUrl: z.string().nullable(),
    reviewWebhookUrl: z.string().nullable(),
  }),
  members: z.array(Member.extend({ createdAt: Instant })),
  invites: z.array(Invite),
  teams: z.array(Team.extend({ createdAt: Instant })),
  tags: z.array(deletable(Tag)),
  templates: z.array(deletable(Template)),
  templateVersions: z.array(TemplateVersion),
  slaCalendars: z.array(deletable(SlaCalendarRecord)),
  slaPolicies: z.array(deletable(SlaPolicyRecord)),
  rules: z.array(deletable(Rule)),
  incidentMonitors: z.array(deletable(IncidentMonitor)),
  incidents: z.array(Incident),
  goals: z.array(Goal),
  surveys: z.array(
    z.object({
      id: Id,
      conversationId: z.string(),
      createdBy: Id,
      kind: SurveyKind,
      scale: SurveyScale,
      createdAt: Instant,
      score: z.number().int().nullable(),
      ratedAt: Instant.nullable(),
      comment: z.string().nullable(),
      commentedAt: Instant.nullable(),
    }),
  ),
  conversations: z.array(deletable(Conversation)),
  notes: z.array(deletable(Note)),
  events: z.array(Event),
  auditLog: z.array(AuditEntry),
});
export type WorkspaceExport = z.infer<typeof WorkspaceExport>;
