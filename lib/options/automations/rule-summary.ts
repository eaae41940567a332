import type { Rule, RuleAction, RuleCondition, RuleTrigger } from '../../schema/automation';
import { CONDITION_FIELDS } from './catalog';

type Kind = 'member' | 'team' | 'policy' | 'calendar';

/** Names by id of what rules point at, for the words; an id not there is one since deleted. */
export type Names = Partial<Record<Kind, ReadonlyMap<string, string>>>;

const named = (names: Names, kind: Kind, id: string) => names[kind]?.get(id) ?? `a deleted ${kind}`;

export function triggerText(t: RuleTrigger, names: Names): string {
  switch (t.type) {
    case 'conversation.created':
      return 'When a conversation is created';
    case 'message.received':
      return 'When a customer message arrives';
    case 'conversation.reopened':
      return 'When a conversation is reopened';
    case 'tag.added':
      return t.tag ? `When the tag “${t.tag}” is added` : 'When any tag is added';
    case 'sla.warning':
      return 'When an SLA target is about to be missed';
    case 'sla.breached':
      return 'When an SLA target is missed';
    case 'no_reply':
      return `When there is no reply after ${t.minutes} min${
        t.calendarId ? ` of ${named(names, 'calendar', t.calendarId)} business hours` : ''
      }`;
  }
}

export function conditionText(c: RuleCondition, names: Names): string {
  const spec = CONDITION_FIELDS[c.field];
  const op = spec.ops.find((o) => o.op === c.op)?.label ?? c.op;
  if (c.field === 'assignee') return `${spec.label} ${op}`;
  if (c.field === 'time') return `${spec.label} ${op} ${named(names, 'calendar', c.calendarId)}`;
  const values = c.field === 'team' ? c.values.map((id) => named(names, 'team', id)) : c.values;
  return `${spec.label} ${op} ${values.join(', ')}`;
}

export function actionText(a: RuleAction, names: Names): string {
  switch (a.type) {
    case 'assign':
      return `assign to ${named(names, 'member', a.memberId)}`;
    case 'route':
      return `route to ${named(names, 'team', a.teamId)}`;
    case 'setPriority':
      return `set priority ${a.priority}`;
    case 'setStatus':
      return `set status ${a.status}`;
    case 'addTag':
      return `add tag ${a.tag}`;
    case 'removeTag':
      return `remove tag ${a.tag}`;
    case 'applySlaPolicy':
      return `apply SLA policy ${named(names, 'policy', a.policyId)}`;
    case 'notify': {
      const who = [
        ...a.memberIds.map((id) => named(names, 'member', id)),
        ...a.roles.map((r) => `${r}s`),
      ];
      return `notify ${who.length > 0 ? who.join(', ') : 'nobody'}`;
    }
    case 'webhook':
      return 'send to the webhook';
    case 'escalate':
      return `escalate (${a.reason})`;
  }
}

/** One line for the rules list: trigger, conditions, actions. */
export function ruleText(rule: Pick<Rule, 'trigger' | 'conditions' | 'actions'>, names: Names) {
  const conditions = rule.conditions.map((c) => conditionText(c, names));
  return {
    when: triggerText(rule.trigger, names),
    conditions: conditions.length > 0 ? `if ${conditions.join(' and ')}` : 'always',
    actions: rule.actions.map((a) => actionText(a, names)).join(', '),
  };
}

/** "3 of 41 conversations would match". */
export function matchSentence({ examined, matched }: { examined: number; matched: number }) {
  return `${matched} of ${examined} conversation${examined === 1 ? '' : 's'} would match`;
}
