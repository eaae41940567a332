import { randomUUID } from 'node:crypto';
import { type Actor, applyMutation } from '../../lib/mutations/apply';
import {
  AUTOMATION_AUTHOR_ID,
  type AutomationActionEvent,
  type Conversation,
  type ConversationMutation,
  type Note,
  type Role,
  type RuleAction,
  type TeamRouting,
} from '../../lib/schema';
import type { Tx } from '../db/open';
import { newDelivery } from '../sla/deliveries';
import type { NewJob } from './jobs';
import { chooseAssignee } from './routing';
import { triggersOf } from './triggers';

export type AppliedEvent = { type: string; before: unknown; after: unknown };

/** What a job's rules did to one conversation, gathered before anything is written. */
export type Draft = {
  conversation: Conversation;
  events: AppliedEvent[];
  notes: Note[];
  createdTags: string[];
  followUps: NewJob[];
  deliveries: ReturnType<typeof newDelivery>[];
};

/** The workspace as the actions need it, read once per job under the workspace lock. */
export type ActionContext = {
  tx: Tx;
  workspaceId: string;
  now: Date;
  version: number;
  members: ReadonlyMap<string, { name: string; role: Role; active: boolean }>;
  teams: ReadonlyMap<string, { name: string; routing: TeamRouting }>;
  policies: ReadonlyMap<string, string>;
  tags: ReadonlySet<string>;
  webhookOn: boolean;
};

/** Who acts: a rule, or an incident's own handling. */
export type Source = { ruleId: string | null; ruleName: string };

/** Rules act as an admin would, without being one: events name no member. */
const AUTOMATION: Actor = { memberId: AUTOMATION_AUTHOR_ID, role: 'admin' };

export const newDraft = (conversation: Conversation): Draft => ({
  conversation,
  events: [],
  notes: [],
  createdTags: [],
  followUps: [],
  deliveries: [],
});

/** Runs one action on the draft and records it as an `automation.action` event. */
export async function act(draft: Draft, action: RuleAction, source: Source, ctx: ActionContext) {
  const effect = await perform(draft, action, source, ctx);
  const after: AutomationActionEvent = { ...source, action: action.type, effect };
  draft.events.push({ type: 'automation.action', before: null, after });
}

async function perform(
  draft: Draft,
  action: RuleAction,
  source: Source,
  ctx: ActionContext,
): Promise<string> {
  const c = draft.conversation;
  const memberName = (id: string) => ctx.members.get(id)?.name ?? 'a former member';
  switch (action.type) {
    case 'assign': {
      if (c.assigneeId === action.memberId) return `already with ${memberName(action.memberId)}`;
      return (
        mutate(draft, ctx, 'conversation.assign', {
          assigneeId: action.memberId,
          expectedAssigneeId: c.assigneeId,
          force: true,
        }) ?? `assigned to ${memberName(action.memberId)}`
      );
    }
    case 'route':
      return route(draft, action.teamId, ctx);
    case 'setPriority':
      if (c.priority === action.priority) return `priority already ${action.priority}`;
      return (
        mutate(draft, ctx, 'conversation.setPriority', { priority: action.priority }) ??
        `priority set to ${action.priority}`
      );
    case 'setStatus':
      if (c.status === action.status) return `already ${action.status}`;
      return (
        mutate(draft, ctx, 'conversation.setStatus', {
          status: action.status,
          snoozedUntil: null,
        }) ?? `status set to ${action.status}`
      );
    case 'addTag':
      if (c.tags.includes(action.tag)) return `already tagged ${action.tag}`;
      return (
        mutate(draft, ctx, 'conversation.addTag', { tag: action.tag }) ?? `tagged ${action.tag}`
      );
    case 'removeTag':
      if (!c.tags.includes(action.tag)) return `not tagged ${action.tag}`;
      return (
        mutate(draft, ctx, 'conversation.removeTag', { tag: action.tag }) ??
        `tag ${action.tag} removed`
      );
    case 'applySlaPolicy': {
      const name = ctx.policies.get(action.policyId);
      if (name === undefined) return 'skipped: the SLA policy no longer exists';
      if (c.slaPolicyId === action.policyId) return `SLA policy already ${name}`;
      draft.events.push({
        type: 'conversation.sla_policy',
        before: c.slaPolicyId,
        after: action.policyId,
      });
      draft.conversation = { ...c, slaPolicyId: action.policyId };
      return `SLA policy ${name} applied`;
    }
    case 'notify':
      return notify(draft, ctx, source, action.memberIds, action.roles, action.message);
    case 'webhook': {
      if (!ctx.webhookOn || source.ruleId === null) return 'skipped: no workspace webhook is set';
      const { ruleId, ruleName } = source;
      draft.deliveries.push(
        newDelivery(ctx.workspaceId, ctx.now, (id) => ({
          id,
          type: 'automation.fired',
          workspaceId: ctx.workspaceId,
          createdAt: ctx.now.toISOString(),
          data: {
            ruleId,
            ruleName,
            conversationId: c.id,
            subject: c.subject,
            priority: c.priority,
            status: c.status,
            tags: c.tags,
            assigneeId: c.assigneeId,
            teamId: c.teamId,
          },
        })),
      );
      return 'posted to the workspace webhook';
    }
    case 'escalate': {
      const failed = mutate(draft, ctx, 'conversation.escalate', { reason: action.reason });
      if (failed) return failed;
      const event = draft.events.at(-1);
      if (event) event.after = { ...(event.after as object), ruleId: source.ruleId };
      return `escalated: ${action.reason}`;
    }
  }
}

/**
 * To a team: its routing picks the member, unless someone already owns the conversation
 * (who keeps it); a team with manual routing, or nobody free, leaves it in the team's queue.
 */
export async function route(draft: Draft, teamId: string, ctx: ActionContext): Promise<string> {
  const team = ctx.teams.get(teamId);
  if (!team) return 'skipped: the team no longer exists';
  const c = draft.conversation;
  if (c.teamId !== teamId) {
    draft.events.push({ type: 'conversation.team', before: c.teamId, after: teamId });
    draft.conversation = { ...c, teamId };
  }
  if (c.assigneeId !== null)
    return `moved to ${team.name}; stays with ${ctx.members.get(c.assigneeId)?.name ?? 'its owner'}`;
  const pick = await chooseAssignee(ctx.tx, ctx.workspaceId, teamId, draft.conversation, ctx.now);
  if (pick.memberId === null) return `queued for ${team.name}: ${pick.reason}`;
  const failed = mutate(draft, ctx, 'conversation.assign', {
    assigneeId: pick.memberId,
    expectedAssigneeId: null,
    force: true,
  });
  return failed ?? `routed to ${team.name}: ${pick.reason}`;
}

/**
 * Into a team's hands even when someone owns it (an incident gathers its matches): the owner,
 * if outside that team's routing, lets go and follows it; the team's routing picks anew.
 */
export async function takeOver(draft: Draft, teamId: string, ctx: ActionContext) {
  const c = draft.conversation;
  if (c.teamId === teamId && c.assigneeId !== null) return route(draft, teamId, ctx);
  if (c.assigneeId !== null) {
    const owner = c.assigneeId;
    const failed = mutate(draft, ctx, 'conversation.unassign', { expectedAssigneeId: owner });
    if (failed) return failed;
    if (!draft.conversation.followers.includes(owner))
      draft.conversation = {
        ...draft.conversation,
        followers: [...draft.conversation.followers, owner].slice(-100),
      };
  }
  return route(draft, teamId, ctx);
}

function notify(
  draft: Draft,
  ctx: ActionContext,
  source: Source,
  memberIds: readonly string[],
  roles: readonly Role[],
  message: string,
) {
  const byRole = [...ctx.members].filter(([, m]) => m.active && roles.includes(m.role));
  const mentions = [
    ...new Set([
      ...memberIds.filter((id) => ctx.members.get(id)?.active),
      ...byRole.map(([id]) => id),
    ]),
  ].slice(0, 50);
  if (!mentions.length) return 'skipped: nobody to notify';
  const failed = mutate(draft, ctx, 'note.add', {
    id: randomUUID(),
    body: `${source.ruleName}: ${message}`,
    mentions,
  });
  return failed ?? `notified ${mentions.map((id) => ctx.members.get(id)?.name).join(', ')}`;
}

type Args<N extends ConversationMutation['name']> = Omit<
  Extract<ConversationMutation, { name: N }>['args'],
  'conversationId'
>;

/**
 * Through the same rules as a member's change, so an automation's change means exactly
 * what a member's would. Returns why it was refused, or nothing when it applied.
 */
function mutate<N extends Exclude<ConversationMutation['name'], 'conversation.upsert'>>(
  draft: Draft,
  ctx: ActionContext,
  name: N,
  args: Args<N>,
): string | undefined {
  const mutation = {
    id: 0,
    name,
    args: { ...args, conversationId: draft.conversation.id },
    ts: ctx.now.toISOString(),
  } as unknown as ConversationMutation;
  const result = applyMutation(draft.conversation, mutation, AUTOMATION, {
    now: ctx.now.toISOString(),
    version: ctx.version,
    isActiveMember: (id) => ctx.members.get(id)?.active === true,
    tagExists: (tag) => ctx.tags.has(tag),
  });
  if (!result.ok) return `skipped: ${result.message}`;
  const { applied } = result;
  draft.conversation = applied.conversation;
  draft.events.push(applied.event);
  if (applied.note) draft.notes.push(applied.note);
  if (applied.createdTag) draft.createdTags.push(applied.createdTag);
  draft.followUps.push(...triggersOf(draft.conversation.id, [applied.event], ctx.now));
  return undefined;
}
