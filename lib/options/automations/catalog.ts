import type { RuleAction, RuleCondition, RuleTriggerType } from '../../schema/automation';

/** The rule editor's words for each trigger, condition and action of the contract. */
export const TRIGGERS: readonly { type: RuleTriggerType; label: string }[] = [
  { type: 'conversation.created', label: 'A conversation is created' },
  { type: 'message.received', label: 'A customer message arrives' },
  { type: 'conversation.reopened', label: 'A conversation is reopened' },
  { type: 'tag.added', label: 'A tag is added' },
  { type: 'sla.warning', label: 'An SLA target is about to be missed' },
  { type: 'sla.breached', label: 'An SLA target is missed' },
  { type: 'no_reply', label: 'No reply after a while' },
];

export type ConditionField = RuleCondition['field'];

/**
 * How a condition's values are entered: typed as a comma list, picked from a list
 * (priorities, statuses, teams), none (assignee), or a calendar (time).
 */
export type ValueKind = 'typed' | 'priority' | 'status' | 'intent' | 'team' | 'none' | 'calendar';

export type FieldSpec = {
  label: string;
  ops: readonly { op: string; label: string }[];
  values: ValueKind;
  placeholder?: string;
};

const inOrNot = [
  { op: 'in', label: 'is any of' },
  { op: 'notIn', label: 'is none of' },
] as const;

export const CONDITION_FIELDS: Record<ConditionField, FieldSpec> = {
  subject: {
    label: 'Subject',
    ops: [
      { op: 'containsAny', label: 'contains any of' },
      { op: 'containsNone', label: 'contains none of' },
    ],
    values: 'typed',
    placeholder: 'refund, invoice',
  },
  sender: {
    label: 'Sender',
    ops: inOrNot,
    values: 'typed',
    placeholder: 'ceo@acme.com',
  },
  senderDomain: {
    label: 'Sender domain (and subdomains)',
    ops: inOrNot,
    values: 'typed',
    placeholder: 'acme.com',
  },
  tags: {
    label: 'Tags',
    ops: [
      { op: 'hasAny', label: 'has any of' },
      { op: 'hasAll', label: 'has all of' },
      { op: 'hasNone', label: 'has none of' },
    ],
    values: 'typed',
    placeholder: 'billing, vip',
  },
  priority: { label: 'Priority', ops: inOrNot, values: 'priority' },
  status: { label: 'Status', ops: inOrNot, values: 'status' },
  mailbox: {
    label: 'Mailbox',
    ops: inOrNot,
    values: 'typed',
    placeholder: 'support@acme.com',
  },
  assignee: {
    label: 'Assignee',
    ops: [
      { op: 'unassigned', label: 'is nobody' },
      { op: 'assigned', label: 'is someone' },
    ],
    values: 'none',
  },
  team: { label: 'Team', ops: inOrNot, values: 'team' },
  triage: { label: 'Copilot triage (intent from the subject)', ops: inOrNot, values: 'intent' },
  time: {
    label: 'Time',
    ops: [
      { op: 'inBusinessHours', label: 'is within business hours of' },
      { op: 'outsideBusinessHours', label: 'is outside business hours of' },
    ],
    values: 'calendar',
  },
};

export const CONDITION_FIELD_ORDER = Object.keys(CONDITION_FIELDS) as ConditionField[];

export type ActionType = RuleAction['type'];

export const ACTIONS: readonly { type: ActionType; label: string }[] = [
  { type: 'assign', label: 'Assign to a member' },
  { type: 'route', label: 'Route to a team' },
  { type: 'setPriority', label: 'Set priority' },
  { type: 'setStatus', label: 'Set status' },
  { type: 'addTag', label: 'Add a tag' },
  { type: 'removeTag', label: 'Remove a tag' },
  { type: 'applySlaPolicy', label: 'Apply an SLA policy' },
  { type: 'notify', label: 'Notify members' },
  { type: 'webhook', label: 'Send to the webhook' },
  { type: 'escalate', label: 'Escalate to the next tier' },
];

export const RULE_STATUSES = ['open', 'pending', 'closed'] as const;
