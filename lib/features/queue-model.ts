import type { QueueNavItem } from '../hosts/types';
import type { Conversation, Member, Tag } from '../schema';
import type { Queue } from '../schema/messages';
import { customerOf, threadIdIn } from './customer';
import { ago } from './relative-time';
import { initials } from './sidebar-model';

const FIXED: readonly QueueNavItem[] = [
  { queue: 'mine', name: 'Mine' },
  { queue: 'unassigned', name: 'Unassigned' },
  { queue: 'all-open', name: 'All open' },
  { queue: 'breaching', name: 'Breaching soon' },
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
      return 'SLA policies arrive in a later version; until then nothing is listed here.';
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
  /** The conversation's thread in this mailbox; null when only another agent's mailbox has it. */
  threadId: string | null;
}

export function queueRows(
  conversations: readonly Conversation[],
  members: readonly Member[],
  page: { host: Conversation['host']; mailbox: string },
  now: number,
): QueueRow[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  return conversations.map((c) => {
    const customer = customerOf(c, members, page.mailbox);
    const holder = c.assigneeId ? byId.get(c.assigneeId) : undefined;
    const holderName = holder?.name ?? 'someone';
    return {
      id: c.id,
      subject: c.subject || '(no subject)',
      customer: customer ? (customer.name ?? customer.email) : '',
      assignee: c.assigneeId ? { name: holderName, initials: initials(holderName) } : null,
      status: c.status,
      tags: c.tags,
      updated: ago(c.updatedAt, now),
      threadId: threadIdIn(c, page.host, page.mailbox),
    };
  });
}
