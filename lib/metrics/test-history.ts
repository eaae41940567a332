/** Activity histories for the metrics tests, written as an API would log them. */
import type { MetricEvent } from './timeline';

export const AGENT_A = '00000000-0000-4000-8000-00000000000a';
export const AGENT_B = '00000000-0000-4000-8000-00000000000b';
export const POLICY_ID = '00000000-0000-4000-8000-000000000001';

/** Monday 30 Nov 2026 09:00 UTC plus `minutes`, as ISO. */
export const T0 = Date.parse('2026-11-30T09:00:00.000Z');
export const t = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A conversation's log, built in the order its events were recorded; ids e1, e2, … */
export function logOf(prefix = 'e') {
  const events: MetricEvent[] = [];
  const push = (type: string, at: string, after: unknown, before: unknown = null) => {
    const id = `${prefix}${events.length + 1}`;
    events.push({ id, type, before, after, at });
    return id;
  };
  return {
    events,
    created: (at: string) => push('conversation.created', at, { firstMessageAt: at }),
    /** A customer message sent at `at`, recorded at `recordedAt`. */
    customer: (at: string, recordedAt = at) =>
      push('conversation.message_received', recordedAt, { at, from: 'maria@customer.test' }),
    reply: (at: string, recordedAt = at) => push('conversation.replied', recordedAt, { at }),
    status: (at: string, status: string, snoozedUntil: string | null = null) =>
      push('conversation.status', at, { status, snoozedUntil }),
    assign: (at: string, to: string | null, from: string | null = null) =>
      push(to ? 'conversation.assigned' : 'conversation.unassigned', at, to, from),
    priority: (at: string, from: string, to: string) => push('conversation.priority', at, to, from),
    draft: (at: string, outcome: string) =>
      push('copilot.draft', at, {
        task: 'draft',
        provider: 'offline',
        model: null,
        sources: [],
        outcome,
      }),
    /** The customer's answer to a rating link, as the rating page logs it. */
    rated: (at: string, kind: string, scale: string, score: number) =>
      push('survey.rated', at, {
        surveyId: `00000000-0000-4000-8000-${String(events.length + 1).padStart(12, '0')}`,
        kind,
        scale,
        score,
      }),
    breach: (at: string, target: string, clock = 0) =>
      push('sla.breached', at, {
        target,
        clock,
        dueAt: null,
        warnAt: null,
        assigneeId: null,
        policyId: POLICY_ID,
      }),
  };
}
