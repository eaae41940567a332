import { z } from 'zod';
import { type Conversation, Instant, type SlaEvent, Status } from '../../lib/schema';
import { isoInstant } from '../../lib/sla';
import type { Team } from './sla-subject';

/** The activity events an SLA history is read from; the others say nothing about it. */
export const SLA_EVENT_TYPES = [
  'conversation.status',
  'conversation.replied',
  'conversation.message_received',
] as const;

/** An activity event as the log keeps it: `at` is when it was recorded. */
export type LoggedEvent = { type: string; after: unknown; at: Date };

const StatusChange = z.object({ status: Status, snoozedUntil: Instant.nullable() });
const Message = z.object({ at: Instant });

/**
 * A conversation's SLA history, from its record and its activity log: it arrived with its
 * first message (or when it was first seen, when the page could not date that message);
 * a status counts from when it was set; a reply or a customer message from when it was
 * sent. Events whose `after` does not read as expected say nothing.
 */
export function slaHistory(
  conversation: Pick<Conversation, 'firstMessageAt' | 'createdAt'>,
  events: readonly LoggedEvent[],
): SlaEvent[] {
  const arrived: SlaEvent = {
    type: 'arrived',
    at: conversation.firstMessageAt ?? conversation.createdAt,
  };
  return [arrived, ...events.flatMap(slaEventOf)];
}

function slaEventOf(event: LoggedEvent): SlaEvent[] {
  switch (event.type) {
    case 'conversation.status': {
      const change = StatusChange.safeParse(event.after);
      if (!change.success) return [];
      const at = isoInstant(event.at.getTime());
      const { status, snoozedUntil } = change.data;
      if (status !== 'snoozed' || snoozedUntil === null) return [{ type: 'status', at, status }];
      // A snooze that was over before it was set leaves the conversation open.
      return Date.parse(snoozedUntil) > event.at.getTime()
        ? [{ type: 'status', at, status, until: snoozedUntil }]
        : [{ type: 'status', at, status: 'open' }];
    }
    case 'conversation.replied': {
      const message = Message.safeParse(event.after);
      return message.success ? [{ type: 'agentReply', at: message.data.at }] : [];
    }
    case 'conversation.message_received': {
      const message = Message.safeParse(event.after);
      return message.success ? [{ type: 'customerMessage', at: message.data.at }] : [];
    }
    default:
      return [];
  }
}

export type MessageEvent = {
  type: 'conversation.replied' | 'conversation.message_received';
  after: { at: string; from: string };
};

/**
 * What an upsert tells of the newest message once its sender is known and new to us (a
 * newer message, or the sender of the same one named at last): from a team address it is
 * a reply, from anyone else a customer message. Nothing while the sender is unknown.
 */
export function newestMessageEvent(
  before: Pick<Conversation, 'lastMessageAt' | 'lastMessageFrom'> | null,
  after: Pick<Conversation, 'lastMessageAt' | 'lastMessageFrom'>,
  team: Team,
): MessageEvent | null {
  const { lastMessageAt: at, lastMessageFrom: from } = after;
  if (at === null || from === null) return null;
  const seen =
    before?.lastMessageFrom === from &&
    before.lastMessageAt !== null &&
    Date.parse(before.lastMessageAt) === Date.parse(at);
  if (seen) return null;
  return {
    type: team.addresses.has(from) ? 'conversation.replied' : 'conversation.message_received',
    after: { at, from },
  };
}
