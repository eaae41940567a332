import { z } from 'zod';
import { EscalationEvent, Status } from '../../lib/schema';
import type { NewJob } from './jobs';

type AppliedEvent = { type: string; before?: unknown; after: unknown };

const StatusOf = z.object({ status: Status });
const MessageAt = z.object({ at: z.string() });

/** The jobs an accepted change fires: one per trigger its events amount to. */
export function triggersOf(
  conversationId: string,
  events: readonly AppliedEvent[],
  now: Date,
): NewJob[] {
  const at = { conversationId, runAt: now };
  return events.flatMap((event): NewJob[] => {
    switch (event.type) {
      case 'conversation.created':
        return [{ ...at, kind: 'conversation.created', payload: {} }];
      case 'conversation.message_received': {
        const message = MessageAt.safeParse(event.after);
        return message.success
          ? [{ ...at, kind: 'message.received', payload: { at: message.data.at } }]
          : [];
      }
      case 'conversation.status': {
        const before = StatusOf.safeParse(event.before);
        const after = StatusOf.safeParse(event.after);
        const reopened =
          before.success &&
          after.success &&
          before.data.status !== 'open' &&
          after.data.status === 'open';
        return reopened ? [{ ...at, kind: 'conversation.reopened', payload: {} }] : [];
      }
      case 'conversation.tagged':
        return typeof event.after === 'string'
          ? [{ ...at, kind: 'tag.added', payload: { tag: event.after } }]
          : [];
      case 'conversation.escalated': {
        const escalation = EscalationEvent.safeParse(event.after);
        return escalation.success
          ? [
              {
                ...at,
                kind: 'escalated',
                payload: { fromTeamId: escalation.data.fromTeamId, reason: escalation.data.reason },
              },
            ]
          : [];
      }
      default:
        return [];
    }
  });
}
