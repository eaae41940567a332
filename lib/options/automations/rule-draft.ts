import type { z } from 'zod';
import type { Priority } from '../../schema';
import {
  CreateRule,
  type Rule,
  type RuleAction,
  type RuleCondition,
  type RuleTriggerType,
} from '../../schema/automation';
import { type Checked, issuesOf, plainWords } from '../sla/issues';
import { listOf } from '../sla/policy-draft';
import { type ActionType, CONDITION_FIELDS, type ConditionField } from './catalog';

export type RuleFields = z.infer<typeof CreateRule>;

/** A condition row as edited: the values as typed (a comma list), whatever the field. */
export type ConditionDraft = {
  key: number;
  field: ConditionField;
  op: string;
  values: string;
  calendarId: string;
};

/** An action row as edited: every action's fields, so switching type keeps what was typed. */
export type ActionDraft = {
  key: number;
  type: ActionType;
  memberId: string;
  teamId: string;
  priority: Priority;
  status: 'open' | 'pending' | 'closed';
  tag: string;
  policyId: string;
  memberIds: string[];
  roles: ('lead' | 'admin')[];
  message: string;
  reason: string;
};

export type RuleDraft = {
  name: string;
  enabled: boolean;
  trigger: { type: RuleTriggerType; tag: string; minutes: string; calendarId: string };
  conditions: ConditionDraft[];
  actions: ActionDraft[];
  stopProcessing: boolean;
};

/** A key for a new row, unlike every other row's (React keeps row state by it). */
export const nextKey = (draft: RuleDraft) =>
  Math.max(0, ...draft.conditions.map((c) => c.key), ...draft.actions.map((a) => a.key)) + 1;

export const newCondition = (key: number, field: ConditionField = 'subject'): ConditionDraft => ({
  key,
  field,
  op: CONDITION_FIELDS[field].ops[0]!.op,
  values: '',
  calendarId: '',
});

export const newAction = (key: number, type: ActionType = 'addTag'): ActionDraft => ({
  key,
  type,
  memberId: '',
  teamId: '',
  priority: 'high',
  status: 'pending',
  tag: '',
  policyId: '',
  memberIds: [],
  roles: [],
  message: '',
  reason: '',
});

export const newRuleDraft = (): RuleDraft => ({
  name: '',
  enabled: true,
  trigger: { type: 'conversation.created', tag: '', minutes: '60', calendarId: '' },
  conditions: [],
  actions: [newAction(1)],
  stopProcessing: false,
});

/** A row's field changed: its operator and values start over, as they meant the old field. */
export const withField = (row: ConditionDraft, field: ConditionField): ConditionDraft =>
  newCondition(row.key, field);

function conditionDraftOf(c: RuleCondition, key: number): ConditionDraft {
  const row = newCondition(key, c.field);
  return {
    ...row,
    op: c.op,
    values: 'values' in c ? c.values.join(', ') : '',
    calendarId: 'calendarId' in c ? c.calendarId : '',
  };
}

function actionDraftOf(a: RuleAction, key: number): ActionDraft {
  return { ...newAction(key, a.type), ...a };
}

export function ruleDraftOf(rule: Rule): RuleDraft {
  const t = rule.trigger;
  return {
    name: rule.name,
    enabled: rule.enabled,
    trigger: {
      type: t.type,
      tag: t.type === 'tag.added' ? (t.tag ?? '') : '',
      minutes: t.type === 'no_reply' ? String(t.minutes) : '60',
      calendarId: t.type === 'no_reply' ? (t.calendarId ?? '') : '',
    },
    conditions: rule.conditions.map((c, i) => conditionDraftOf(c, i + 1)),
    actions: rule.actions.map((a, i) => actionDraftOf(a, rule.conditions.length + i + 1)),
    stopProcessing: rule.stopProcessing,
  };
}

const minutesOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function triggerOf({ type, tag, minutes, calendarId }: RuleDraft['trigger']): unknown {
  if (type === 'tag.added') return { type, tag: tag.trim() || null };
  if (type === 'no_reply')
    return { type, minutes: minutesOf(minutes), calendarId: calendarId || null };
  return { type };
}

function conditionOf(c: ConditionDraft): unknown {
  const kind = CONDITION_FIELDS[c.field].values;
  if (kind === 'none') return { field: c.field, op: c.op };
  if (kind === 'calendar') return { field: c.field, op: c.op, calendarId: c.calendarId };
  // Keywords and domains are compared without case: "Refund, refund" is one entry.
  const text =
    c.field === 'subject' || c.field === 'senderDomain' ? c.values.toLowerCase() : c.values;
  return { field: c.field, op: c.op, values: listOf(text) };
}

function actionOf(a: ActionDraft): unknown {
  switch (a.type) {
    case 'assign':
      return { type: a.type, memberId: a.memberId };
    case 'route':
      return { type: a.type, teamId: a.teamId };
    case 'setPriority':
      return { type: a.type, priority: a.priority };
    case 'setStatus':
      return { type: a.type, status: a.status };
    case 'addTag':
    case 'removeTag':
      return { type: a.type, tag: a.tag };
    case 'applySlaPolicy':
      return { type: a.type, policyId: a.policyId };
    case 'notify':
      return { type: a.type, memberIds: a.memberIds, roles: a.roles, message: a.message };
    case 'webhook':
      return { type: a.type };
    case 'escalate':
      return { type: a.type, reason: a.reason };
  }
}

/** The body the draft stands for, before the contract checks it. */
export const ruleInputOf = (draft: RuleDraft) => ({
  name: draft.name,
  enabled: draft.enabled,
  trigger: triggerOf(draft.trigger),
  conditions: draft.conditions.map(conditionOf),
  actions: draft.actions.map(actionOf),
  stopProcessing: draft.stopProcessing,
});

/** Plain words for what only a rule's fields can get wrong: a pick left empty, a list. */
const ruleWords: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_format' && issue.format === 'uuid') return 'Choose one';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'A whole number';
  if (issue.code === 'too_small' && issue.origin === 'array') return 'Add at least one';
  return plainWords(issue);
};

/**
 * The draft checked with `CreateRule`, what the API checks too; messages by the body's
 * paths (`conditions.0.values.1`, `actions.1.memberId`, `trigger.minutes`).
 */
export function checkRule(draft: RuleDraft): Checked<RuleFields> {
  const parsed = CreateRule.safeParse(ruleInputOf(draft), { error: ruleWords });
  if (parsed.success) return { value: parsed.data, issues: new Map() };
  return { value: null, issues: issuesOf(parsed.error) };
}
