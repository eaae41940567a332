import { z } from 'zod';
import {
  AutomationActionEvent,
  Email,
  EscalationEvent,
  type Event,
  Id,
  Instant,
  type Member,
  SlaAlertEvent,
  Status,
  SurveyRatedEvent,
  scoreLabel,
} from '../schema';
import { TARGET_NAMES } from '../sla';
import { ago } from './relative-time';
import { formatUntil } from './snooze-times';

export interface TimelineEntry {
  id: string;
  text: string;
  ago: string;
  at: string;
}

const Assignee = Id.nullable();
const StatusChange = z.object({ status: Status, snoozedUntil: Instant.nullable() });
const Text = z.string();
/** A reply or a customer's message: when it was sent, and by whom when the page said. */
const Message = z.object({ at: Instant, from: Email.optional() });
/** What `copilot.record` wrote: the task, who answered and what became of it (no text). */
const CopilotRecord = z.object({
  provider: z.enum(['offline', 'openai-compatible']),
  outcome: z.enum(['accepted', 'edited', 'discarded', 'applied']),
});
const COPILOT_OUTCOMES: Record<string, Partial<Record<string, string>>> = {
  'copilot.draft': {
    accepted: 'inserted a copilot draft unchanged',
    edited: 'inserted a copilot draft after editing it',
    discarded: 'discarded a copilot draft',
  },
  'copilot.summary': {
    accepted: 'read a copilot summary',
    edited: 'read a copilot summary',
    discarded: 'closed a copilot summary',
  },
  'copilot.triage': {
    applied: 'applied the copilot’s triage',
    discarded: 'dismissed the copilot’s triage',
  },
};

/** What the customer answered on a rating link, in the words of its question. */
function ratingText({ kind, scale, score }: SurveyRatedEvent): string {
  if (kind === 'nps') return `would recommend us ${score} of 10 (NPS)`;
  if (kind === 'ces') return `found it ${score} of 7 easy to get help (CES)`;
  return `rated the reply ${scale === 'thumbs' ? scoreLabel(scale, score) : `${score} of 5`} (CSAT)`;
}

/** One readable line per event, newest first ("Ana Agent took this"). */
export function timeline(events: readonly Event[], members: readonly Member[], now: Date) {
  const name = (id: string | null) =>
    (id && members.find((m) => m.id === id)?.name) ?? (id ? 'A former member' : 'Someone');
  const sender = (email: string) =>
    members.find((m) => m.email.toLowerCase() === email.toLowerCase())?.name ?? email;
  return [...events].reverse().map(
    (event): TimelineEntry => ({
      id: event.id,
      text: sentence(event, name, sender, now),
      ago: ago(event.at, now.getTime()),
      at: event.at,
    }),
  );
}

function sentence(
  event: Event,
  name: (id: string | null) => string,
  sender: (email: string) => string,
  now: Date,
): string {
  const who = name(event.actorId);
  const read = <T>(schema: z.ZodType<T>, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  switch (event.type) {
    case 'conversation.created':
      return `${who} started tracking this conversation`;
    case 'conversation.updated':
      return `${who} added their copy of the thread`;
    case 'conversation.assigned': {
      const to = read(Assignee, event.after);
      if (to === null) return `${who} changed the assignee`;
      return to === event.actorId ? `${who} took this` : `${who} assigned this to ${name(to)}`;
    }
    case 'conversation.unassigned': {
      const from = read(Assignee, event.before);
      return from && from !== event.actorId
        ? `${who} unassigned ${name(from)}`
        : `${who} unassigned this`;
    }
    case 'conversation.status': {
      const after = read(StatusChange, event.after);
      if (!after) return `${who} changed the status`;
      return after.snoozedUntil
        ? `${who} snoozed this until ${formatUntil(after.snoozedUntil, now)}`
        : `${who} set status ${after.status}`;
    }
    case 'conversation.priority':
      return `${who} set priority ${read(Text, event.after) ?? '?'}`;
    case 'conversation.tagged':
      return `${who} added tag ${read(Text, event.after) ?? '?'}`;
    case 'conversation.untagged':
      return `${who} removed tag ${read(Text, event.before) ?? '?'}`;
    case 'note.added':
      return `${who} added a note`;
    case 'conversation.replied': {
      // Recorded from a send, by its sender; or from a page that saw the reply in the thread.
      const from = read(Message, event.after)?.from;
      return `${from ? sender(from) : who} replied`;
    }
    case 'conversation.message_received': {
      const from = read(Message, event.after)?.from;
      return `${from ? sender(from) : 'The customer'} wrote`;
    }
    case 'sla.warning':
    case 'sla.breached': {
      const alert = read(SlaAlertEvent, event.after);
      const target = alert ? TARGET_NAMES[alert.target] : 'A target';
      return event.type === 'sla.warning' ? `${target} is due soon` : `${target} missed its SLA`;
    }
    case 'copilot.draft':
    case 'copilot.summary':
    case 'copilot.triage': {
      const record = read(CopilotRecord, event.after);
      const what = record && COPILOT_OUTCOMES[event.type]?.[record.outcome];
      if (!record || !what) return `${who}: ${event.type}`;
      return `${who} ${what}${record.provider === 'offline' ? ' (offline)' : ''}`;
    }
    case 'survey.rated': {
      const rating = read(SurveyRatedEvent, event.after);
      return rating ? `The customer ${ratingText(rating)}` : 'The customer answered a rating link';
    }
    case 'automation.action': {
      const action = read(AutomationActionEvent, event.after);
      return action ? `Rule “${action.ruleName}”: ${action.effect}` : 'A rule acted on this';
    }
    case 'conversation.escalated': {
      const escalation = read(EscalationEvent, event.after);
      const by = escalation?.ruleId ? 'A rule' : who;
      return escalation ? `${by} escalated this: ${escalation.reason}` : `${by} escalated this`;
    }
    default:
      return `${who}: ${event.type}`;
  }
}
