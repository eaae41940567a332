import type { RuleAction } from '../../lib/schema';

export type Names = {
  member(id: string): string;
  team(id: string): string;
  policy(id: string): string;
};

/** What an action would do, in words, for the dry run. */
export function describeAction(action: RuleAction, names: Names): string {
  switch (action.type) {
    case 'assign':
      return `assign to ${names.member(action.memberId)}`;
    case 'route':
      return `route to ${names.team(action.teamId)}`;
    case 'setPriority':
      return `set priority ${action.priority}`;
    case 'setStatus':
      return `set status ${action.status}`;
    case 'addTag':
      return `tag ${action.tag}`;
    case 'removeTag':
      return `remove tag ${action.tag}`;
    case 'applySlaPolicy':
      return `apply SLA policy ${names.policy(action.policyId)}`;
    case 'notify': {
      const who = [...action.memberIds.map(names.member), ...action.roles.map((r) => `every ${r}`)];
      return `notify ${who.join(', ') || 'nobody'}`;
    }
    case 'webhook':
      return 'post to the workspace webhook';
    case 'escalate':
      return `escalate: ${action.reason}`;
  }
}
