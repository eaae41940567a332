import { z } from 'zod';
import { Email, Id, Instant } from './common';
import { Priority, Status, TagName } from './conversation-fields';
import { Intent } from './copilot';

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'a domain such as example.com');
const Keyword = z.string().trim().toLowerCase().min(1).max(100);
const Minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 30);

/** When a rule is looked at. Every trigger names one conversation. */
export const RuleTrigger = z.discriminatedUnion('type', [
  /** The first time any member's page records the conversation. */
  z.object({ type: z.literal('conversation.created') }),
  /** A customer message arrived (the first one included). */
  z.object({ type: z.literal('message.received') }),
  /** Closed (or pending, or snoozed) and then open again, by a member or a new message. */
  z.object({ type: z.literal('conversation.reopened') }),
  /** A tag was added; `tag` null means any tag. */
  z.object({ type: z.literal('tag.added'), tag: TagName.nullable() }),
  z.object({ type: z.literal('sla.warning') }),
  z.object({ type: z.literal('sla.breached') }),
  /**
   * The newest customer message had no reply after `minutes`: in the business hours of
   * `calendarId`, or in calendar time when it is null.
   */
  z.object({ type: z.literal('no_reply'), minutes: Minutes, calendarId: Id.nullable() }),
]);
export type RuleTrigger = z.infer<typeof RuleTrigger>;
export type RuleTriggerType = RuleTrigger['type'];

/** One test on the conversation's metadata; a rule's conditions must all hold. */
export const RuleCondition = z.discriminatedUnion('field', [
  z.object({
    field: z.literal('sender'),
    op: z.enum(['in', 'notIn']),
    values: z.array(Email).min(1).max(200),
  }),
  /** Matches the domain and its subdomains. */
  z.object({
    field: z.literal('senderDomain'),
    op: z.enum(['in', 'notIn']),
    values: z.array(Domain).min(1).max(200),
  }),
  /** Keywords of the subject, without case. Bodies never reach the server. */
  z.object({
    field: z.literal('subject'),
    op: z.enum(['containsAny', 'containsNone']),
    values: z.array(Keyword).min(1).max(50),
  }),
  z.object({
    field: z.literal('tags'),
    op: z.enum(['hasAny', 'hasAll', 'hasNone']),
    values: z.array(TagName).min(1).max(50),
  }),
  z.object({
    field: z.literal('priority'),
    op: z.enum(['in', 'notIn']),
    values: z.array(Priority).min(1).max(4),
  }),
  z.object({
    field: z.literal('status'),
    op: z.enum(['in', 'notIn']),
    values: z.array(Status).min(1).max(4),
  }),
  /** The shared mailboxes the thread was seen in. */
  z.object({
    field: z.literal('mailbox'),
    op: z.enum(['in', 'notIn']),
    values: z.array(Email).min(1).max(50),
  }),
  z.object({ field: z.literal('assignee'), op: z.enum(['unassigned', 'assigned']) }),
  z.object({
    field: z.literal('team'),
    op: z.enum(['in', 'notIn']),
    values: z.array(Id).min(1).max(50),
  }),
  /**
   * The intent the offline copilot's triage reads from the subject (the server never sees
   * bodies), as the sidebar's triage would suggest it for a subject-only mail.
   */
  z.object({
    field: z.literal('triage'),
    op: z.enum(['in', 'notIn']),
    values: z.array(Intent).min(1).max(10),
  }),
  /** The moment the rule runs, against a business calendar. */
  z.object({
    field: z.literal('time'),
    op: z.enum(['inBusinessHours', 'outsideBusinessHours']),
    calendarId: Id,
  }),
]);
export type RuleCondition = z.infer<typeof RuleCondition>;

/** What a rule does, in order. Each is recorded as an event naming the rule. */
export const RuleAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign'), memberId: Id }),
  /** Hands the conversation to a team, whose routing picks the member (or leaves it queued). */
  z.object({ type: z.literal('route'), teamId: Id }),
  z.object({ type: z.literal('setPriority'), priority: Priority }),
  z.object({ type: z.literal('setStatus'), status: z.enum(['open', 'pending', 'closed']) }),
  z.object({ type: z.literal('addTag'), tag: TagName }),
  z.object({ type: z.literal('removeTag'), tag: TagName }),
  /** Overrides policy matching for this conversation. */
  z.object({ type: z.literal('applySlaPolicy'), policyId: Id }),
  /** An internal note mentioning the members (and every lead or admin named by role). */
  z.object({
    type: z.literal('notify'),
    memberIds: z.array(Id).max(50),
    roles: z.array(z.enum(['lead', 'admin'])).max(2),
    message: z.string().trim().min(1).max(500),
  }),
  /** A signed POST of the conversation's metadata to the workspace webhook. */
  z.object({ type: z.literal('webhook') }),
  /** To the team's next tier; the previous owner stays a follower. */
  z.object({ type: z.literal('escalate'), reason: z.string().trim().min(1).max(500) }),
]);
export type RuleAction = z.infer<typeof RuleAction>;

const RuleName = z.string().trim().min(1).max(120);

export const Rule = z.object({
  id: Id,
  name: RuleName,
  enabled: z.boolean(),
  /** Evaluation order within a trigger: lowest first. */
  position: z.number().int().nonnegative(),
  trigger: RuleTrigger,
  conditions: z.array(RuleCondition).max(20),
  actions: z.array(RuleAction).min(1).max(20),
  /** When it matched, later rules of the same trigger are skipped. */
  stopProcessing: z.boolean(),
  createdBy: Id.nullable(),
  updatedAt: Instant,
});
export type Rule = z.infer<typeof Rule>;

export const CreateRule = z.object({
  name: RuleName,
  enabled: z.boolean().default(true),
  trigger: RuleTrigger,
  conditions: z.array(RuleCondition).max(20).default([]),
  actions: z.array(RuleAction).min(1).max(20),
  stopProcessing: z.boolean().default(false),
});
export type CreateRule = z.infer<typeof CreateRule>;
export const UpdateRule = CreateRule.partial().refine(
  (v) => Object.keys(v).length > 0,
  'nothing to change',
);
export const ReorderRules = z.object({ ids: z.array(Id).min(1).max(500) });

/** `POST /v1/rules/dry-run`: a rule (saved or not) against the past week's conversations. */
export const DryRunRequest = z.object({
  rule: CreateRule,
  /** Days back from now; a week by default. */
  days: z.number().int().min(1).max(30).default(7),
});
export const DryRunMatch = z.object({
  conversationId: z.string(),
  subject: z.string(),
  /** When the trigger fired for it. */
  at: Instant,
  /** What the actions would do, in words. */
  effects: z.array(z.string()),
});
export const DryRunResult = z.object({
  examined: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  matches: z.array(DryRunMatch).max(200),
});
export type DryRunResult = z.infer<typeof DryRunResult>;

/** How a team hands out what is routed to it. */
export const RoutingMode = z.enum(['manual', 'round_robin', 'load_balanced']);
export type RoutingMode = z.infer<typeof RoutingMode>;

export const TeamRouting = z.object({
  mode: RoutingMode,
  /** The most urgent SLA goes to the member who can answer soonest. */
  deadlineAware: z.boolean(),
  /** Only members whose skills cover the conversation's tags (when it has skill tags). */
  useSkills: z.boolean(),
  /** The next tier (frontline → specialist → senior); null: the last. */
  escalatesTo: Id.nullable(),
});
export type TeamRouting = z.infer<typeof TeamRouting>;
export const UpdateTeamRouting = TeamRouting.partial().refine(
  (v) => Object.keys(v).length > 0,
  'nothing to change',
);
export const DEFAULT_ROUTING: TeamRouting = {
  mode: 'manual',
  deadlineAware: false,
  useSkills: false,
  escalatesTo: null,
};

/** A member's routing profile: what they know and when they work. */
export const MemberRouting = z.object({
  skills: z.array(TagName).max(50),
  /** Their working hours; null: always. */
  calendarId: Id.nullable(),
});
export type MemberRouting = z.infer<typeof MemberRouting>;

/** Spike detection: N matching conversations within a window open an incident. */
export const IncidentMonitor = z.object({
  id: Id,
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean(),
  /** A conversation matches by any of these tags or subject keywords. */
  tags: z.array(TagName).max(20),
  keywords: z.array(Keyword).max(20),
  threshold: z.number().int().min(2).max(1000),
  windowMinutes: Minutes,
  /** New matches while the incident is open go to this team's routing. */
  teamId: Id.nullable(),
  /** The pre-approved reply the sidebar banner links to. */
  templateId: Id.nullable(),
  /** A match with no reply after this long escalates; null: never. */
  escalateAfterMinutes: Minutes.nullable(),
});
export type IncidentMonitor = z.infer<typeof IncidentMonitor>;
const MonitorFields = IncidentMonitor.omit({ id: true });
export const CreateIncidentMonitor = MonitorFields.extend({
  enabled: z.boolean().default(true),
}).refine((m) => m.tags.length + m.keywords.length > 0, {
  message: 'name at least one tag or keyword',
  path: ['tags'],
});
export const UpdateIncidentMonitor = MonitorFields.partial().refine(
  (v) => Object.keys(v).length > 0,
  'nothing to change',
);

export const Incident = z.object({
  id: Id,
  monitorId: Id,
  name: z.string(),
  openedAt: Instant,
  /** Null while open. */
  resolvedAt: Instant.nullable(),
  conversationIds: z.array(z.string()),
  teamId: Id.nullable(),
  templateId: Id.nullable(),
});
export type Incident = z.infer<typeof Incident>;

/** `GET /v1/incidents`: the open ones (default) or all, newest first. */
export const IncidentListQuery = z.object({ state: z.enum(['open', 'all']).default('open') });

/** `conversation.escalated`'s `after`. */
export const EscalationEvent = z.object({
  reason: z.string(),
  fromTeamId: Id.nullable(),
  toTeamId: Id.nullable(),
  previousAssigneeId: Id.nullable(),
  ruleId: Id.nullable(),
});
export type EscalationEvent = z.infer<typeof EscalationEvent>;

/** Who is on a conversation right now, as the realtime channel tells it. */
export const PresenceState = z.enum(['viewing', 'replying']);
export type PresenceState = z.infer<typeof PresenceState>;
export const PresenceEntry = z.object({
  conversationId: z.string().min(1).max(64),
  memberId: Id,
  state: PresenceState,
  expiresAt: Instant,
});
export type PresenceEntry = z.infer<typeof PresenceEntry>;

/** `automation.action`'s `after`: what one action of one rule did. */
export const AutomationActionEvent = z.object({
  ruleId: Id.nullable(),
  /** The rule's name, or the incident's for an incident's own action. */
  ruleName: z.string(),
  action: z.string(),
  /** In words: "assigned to Ana (round-robin)". */
  effect: z.string(),
});
export type AutomationActionEvent = z.infer<typeof AutomationActionEvent>;

/** The author of notes an automation writes: no member. */
export const AUTOMATION_AUTHOR_ID = '00000000-0000-4000-8000-000000000000';

/** What a rule's webhook action posts to the workspace webhook. */
export const AutomationWebhookPayload = z.object({
  id: Id,
  type: z.literal('automation.fired'),
  workspaceId: Id,
  createdAt: Instant,
  data: z.object({
    ruleId: Id,
    ruleName: z.string(),
    conversationId: z.string(),
    subject: z.string(),
    priority: Priority,
    status: Status,
    tags: z.array(z.string()),
    assigneeId: Id.nullable(),
    teamId: Id.nullable(),
  }),
});
export type AutomationWebhookPayload = z.infer<typeof AutomationWebhookPayload>;
