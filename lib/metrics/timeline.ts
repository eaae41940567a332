import { z } from 'zod';
import { Instant } from '../schema/common';
import { Priority, Status } from '../schema/conversation-fields';
import type { SlaEvent } from '../schema/sla';
import { SlaAlertEvent } from '../schema/sla-records';
import { SurveyRatedEvent } from '../schema/survey';

/** An activity-log event as metrics read it (`Event` without version and actor). */
export interface MetricEvent {
  id: string;
  type: string;
  before: unknown;
  after: unknown;
  /** When the event was recorded. */
  at: string;
}

/** The event types metrics read; the others say nothing about them. */
export const METRIC_EVENT_TYPES = [
  'conversation.created',
  'conversation.status',
  'conversation.replied',
  'conversation.message_received',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.priority',
  'copilot.draft',
  'sla.warning',
  'sla.breached',
  'survey.rated',
] as const;

/** One thing that happened, read from one event; `at` in epoch ms. */
export type Moment = { id: string; at: number } & (
  | { kind: 'created' }
  | { kind: 'customerMessage' }
  | { kind: 'agentReply' }
  | { kind: 'status'; status: Status; until: number | null }
  | { kind: 'assigned'; assigneeId: string | null }
  | { kind: 'priority'; from: Priority; to: Priority }
  | { kind: 'copilotDraft'; outcome: 'accepted' | 'edited' | 'discarded' }
  | { kind: 'slaAlert'; alert: 'warning' | 'breach'; target: string; clock: number }
  | ({ kind: 'rating' } & Pick<SurveyRatedEvent, 'scale' | 'score'> & {
        survey: SurveyRatedEvent['kind'];
      })
);

const StatusChange = z.object({ status: Status, snoozedUntil: Instant.nullable() });
const Message = z.object({ at: Instant });
const Draft = z.object({ outcome: z.enum(['accepted', 'edited', 'discarded']) });
const AssigneeId = z.string().nullable();

/**
 * The moments of one event: a reply or a customer message counts from when it was sent
 * (`after.at`), everything else from when it was recorded. An event whose `before` or
 * `after` does not read as expected says nothing, as in the SLA history.
 */
export function momentsOf(event: MetricEvent): Moment[] {
  const base = { id: event.id, at: Date.parse(event.at) };
  switch (event.type) {
    case 'conversation.created':
      return [{ ...base, kind: 'created' }];
    case 'conversation.status': {
      const change = StatusChange.safeParse(event.after);
      if (!change.success) return [];
      const { status, snoozedUntil } = change.data;
      const until = status === 'snoozed' && snoozedUntil ? Date.parse(snoozedUntil) : null;
      // A snooze that was over before it was set leaves the conversation open.
      if (until !== null && until <= base.at)
        return [{ ...base, kind: 'status', status: 'open', until: null }];
      return [{ ...base, kind: 'status', status, until }];
    }
    case 'conversation.replied':
    case 'conversation.message_received': {
      const message = Message.safeParse(event.after);
      if (!message.success) return [];
      const kind = event.type === 'conversation.replied' ? 'agentReply' : 'customerMessage';
      return [{ id: event.id, at: Date.parse(message.data.at), kind }];
    }
    case 'conversation.assigned':
    case 'conversation.unassigned': {
      const assignee = AssigneeId.safeParse(event.after);
      return assignee.success ? [{ ...base, kind: 'assigned', assigneeId: assignee.data }] : [];
    }
    case 'conversation.priority': {
      const from = Priority.safeParse(event.before);
      const to = Priority.safeParse(event.after);
      return from.success && to.success
        ? [{ ...base, kind: 'priority', from: from.data, to: to.data }]
        : [];
    }
    case 'copilot.draft': {
      const draft = Draft.safeParse(event.after);
      return draft.success ? [{ ...base, kind: 'copilotDraft', outcome: draft.data.outcome }] : [];
    }
    case 'sla.warning':
    case 'sla.breached': {
      const alert = SlaAlertEvent.safeParse(event.after);
      if (!alert.success) return [];
      return [
        {
          ...base,
          kind: 'slaAlert',
          alert: event.type === 'sla.warning' ? 'warning' : 'breach',
          target: alert.data.target,
          clock: alert.data.clock,
        },
      ];
    }
    case 'survey.rated': {
      const rating = SurveyRatedEvent.safeParse(event.after);
      if (!rating.success) return [];
      const { kind, scale, score } = rating.data;
      return [{ ...base, kind: 'rating', survey: kind, scale, score }];
    }
    default:
      return [];
  }
}

/**
 * A conversation's moments in the order they happened: by instant, and at one instant in
 * the order of the log (the SLA engine orders its history the same way).
 */
export function timelineOf(events: readonly MetricEvent[]): Moment[] {
  return events.flatMap(momentsOf).sort((a, b) => a.at - b.at);
}

/** The SLA engine's history with the event each entry came from (null: the arrival). */
export interface SlaHistoryEntry {
  event: SlaEvent;
  eventId: string | null;
}

/**
 * The history lib/sla evaluates, exactly as the API builds it for the countdowns
 * (server/domain/sla-history.ts): the arrival, then statuses, replies and customer
 * messages in log order.
 */
export function slaHistoryOf(arrivedAt: string, events: readonly MetricEvent[]): SlaHistoryEntry[] {
  const entries: SlaHistoryEntry[] = [{ event: { type: 'arrived', at: arrivedAt }, eventId: null }];
  for (const event of events) {
    for (const m of momentsOf(event)) {
      const at = new Date(m.at).toISOString();
      if (m.kind === 'agentReply' || m.kind === 'customerMessage')
        entries.push({ event: { type: m.kind, at }, eventId: m.id });
      else if (m.kind === 'status')
        entries.push({
          event:
            m.until === null
              ? { type: 'status', at, status: m.status }
              : { type: 'status', at, status: m.status, until: new Date(m.until).toISOString() },
          eventId: m.id,
        });
    }
  }
  return entries;
}
