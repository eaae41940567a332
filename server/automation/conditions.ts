import { subjectIntent } from '../../lib/copilot/offline/intent';
import type { BusinessCalendar, Conversation, RuleCondition } from '../../lib/schema';
import { workingTime } from '../../lib/sla';
import { slaSubject, type Team } from '../domain/sla-subject';

/** What a rule's conditions read: the conversation, who wrote it, and the moment. */
export type RuleSubject = {
  conversation: Conversation;
  team: Team;
  calendars: ReadonlyMap<string, BusinessCalendar>;
  now: Date;
};

const lower = (values: readonly string[]) => values.map((v) => v.toLowerCase());

/** The customer: the newest message's sender when not the team's, else the first outsider. */
export function senderOf(conversation: Conversation, team: Team): string | null {
  const last = conversation.lastMessageFrom;
  if (last && !team.addresses.has(last)) return last;
  return conversation.participants.find((p) => !team.addresses.has(p.email))?.email ?? null;
}

function domainIn(domain: string | null, wanted: readonly string[]) {
  return domain !== null && wanted.some((w) => domain === w || domain.endsWith(`.${w}`));
}

/** Whether one condition holds. A calendar that no longer exists never matches. */
export function holds(condition: RuleCondition, subject: RuleSubject): boolean {
  const { conversation: c, team } = subject;
  switch (condition.field) {
    case 'sender': {
      const sender = senderOf(c, team);
      const found = sender !== null && condition.values.includes(sender);
      return condition.op === 'in' ? found : !found;
    }
    case 'senderDomain': {
      const domain = senderOf(c, team)?.split('@')[1] ?? null;
      const found = domainIn(domain, condition.values);
      return condition.op === 'in' ? found : !found;
    }
    case 'subject': {
      const subject = c.subject.toLowerCase();
      const found = condition.values.some((k) => subject.includes(k));
      return condition.op === 'containsAny' ? found : !found;
    }
    case 'tags': {
      const tags = new Set(lower(c.tags));
      const wanted = lower(condition.values);
      if (condition.op === 'hasAll') return wanted.every((t) => tags.has(t));
      const any = wanted.some((t) => tags.has(t));
      return condition.op === 'hasAny' ? any : !any;
    }
    case 'priority': {
      const found = condition.values.includes(c.priority);
      return condition.op === 'in' ? found : !found;
    }
    case 'status': {
      const found = condition.values.includes(c.status);
      return condition.op === 'in' ? found : !found;
    }
    case 'mailbox': {
      const mailboxes = slaSubject(c, team).mailboxes;
      const found = condition.values.some((m) => mailboxes.includes(m));
      return condition.op === 'in' ? found : !found;
    }
    case 'assignee':
      return condition.op === 'assigned' ? c.assigneeId !== null : c.assigneeId === null;
    case 'team': {
      const found = c.teamId !== null && condition.values.includes(c.teamId);
      return condition.op === 'in' ? found : !found;
    }
    case 'triage': {
      const found = condition.values.includes(subjectIntent(c.subject));
      return condition.op === 'in' ? found : !found;
    }
    case 'time': {
      const calendar = subject.calendars.get(condition.calendarId);
      if (!calendar) return false;
      const at = subject.now.getTime();
      const open = workingTime(calendar).measure(at, at + 1) > 0;
      return condition.op === 'inBusinessHours' ? open : !open;
    }
  }
}

/** Every condition holds (none: always). */
export const allHold = (conditions: readonly RuleCondition[], subject: RuleSubject) =>
  conditions.every((condition) => holds(condition, subject));
