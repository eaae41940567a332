import type { QueueNavItem } from '../hosts/types';
import type { Conversation, Host, Member, Tag } from '../schema';
import type { Queue } from '../schema/messages';
import { type CountdownTone, conversationCountdowns, mostUrgent, type PolicyClocks } from '../sla';
import { customerOf, threadIdIn } from './customer';
import { ago } from './relative-time';
import { initials } from './sidebar-model';

const FIXED: readonly QueueNavItem[] = [
  { queue: 'mine', name: 'Mine' },
  { queue: 'unassigned', name: 'Unassigned' },
  { queue: 'all-open', name: 'All open' },
  { queue: 'breaching', name: 'Breaching soon' },
  { queue: 'breached', name: 'Breached' },
];

/** The navigation: the fixed queues, then one per live tag. */
export function queueNavItems(tags: readonly Tag[]): QueueNavItem[] {
  const tagged = tags
    .filter((t) => !t.archived)
    .map((t): QueueNavItem => ({ queue: `tag:${t.name}`, name: `#${t.name}` }));
  return [...FIXED, ...tagged];
}

export function queueTitle(queue: Queue): string {
  return FIXED.find((item) => item.queue === queue)?.name ?? `Tagged ${queue.slice('tag:'.length)}`;
}

/** What an empty queue says. */
export function emptyText(queue: Queue): string {
  switch (queue) {
    case 'mine':
      return 'Nothing open is assigned to you. Take a conversation from Unassigned.';
    case 'unassigned':
      return 'Every open conversation has someone on it.';
    case 'all-open':
      return 'No open conversations.';
    case 'breaching':
      return 'No conversation is in its SLA warning window.';
    case 'breached':
      return 'No open conversation is past its SLA.';
    default:
      return `No conversation is tagged ${queue.slice('tag:'.length)}.`;
  }
}

export interface QueueRow {
  id: string;
  subject: string;
  customer: string;
  assignee: { name: string; initials: string } | null;
  status: Conversation['status'];
  tags: string[];
  updated: string;
  /** The conversation's thread in this mailbox; null when only another mailbox has it. */
  threadId: string | null;
  /** Where it lives instead, when this mailbox has no thread of it: the row says so. */
  elsewhere: string | null;
  /** Its most urgent SLA countdown ("FR 12m") and tone; null without one. */
  sla: { label: string; tone: CountdownTone } | null;
}

const HOST_NAMES: Record<Host, string> = { gmail: 'Gmail', outlook: 'Outlook' };

/**
 * Where a conversation with no thread in this host's mailbox lives: another mailbox of
 * this host (a teammate's Gmail copy, another shared mailbox) comes first, since the
 * agent can open it here; else the other host that recorded it ("In Outlook").
 */
export function whereElse(
  conversation: Pick<Conversation, 'refs'>,
  page: { host: Host; mailbox: string },
): string {
  const other = conversation.refs.find((r) => r.host !== page.host);
  const sameHost = conversation.refs.some((r) => r.host === page.host);
  return other && !sameHost ? `In ${HOST_NAMES[other.host]}` : 'In another agent’s mailbox';
}

export function queueRows(
  conversations: readonly Conversation[],
  members: readonly Member[],
  page: { host: Host; mailbox: string },
  now: number,
  clocks: PolicyClocks = new Map(),
): QueueRow[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  return conversations.map((c) => {
    const customer = customerOf(c, members, page.mailbox);
    const holder = c.assigneeId ? byId.get(c.assigneeId) : undefined;
    const holderName = holder?.name ?? 'someone';
    const threadId = threadIdIn(c, page.host, page.mailbox);
    const countdowns = conversationCountdowns(c, clocks, now);
    const urgent = countdowns && mostUrgent(countdowns.countdowns);
    return {
      id: c.id,
      subject: c.subject || '(no subject)',
      customer: customer ? (customer.name ?? customer.email) : '',
      assignee: c.assigneeId ? { name: holderName, initials: initials(holderName) } : null,
      status: c.status,
      tags: c.tags,
      updated: ago(c.updatedAt, now),
      threadId,
      elsewhere: threadId === null ? whereElse(c, page) : null,
      sla: urgent ? { label: urgent.label, tone: urgent.tone } : null,
    };
  });
}
