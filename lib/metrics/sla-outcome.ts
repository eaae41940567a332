import type { SlaOutcome } from '../schema/reports';
import type { BusinessCalendar, SlaPolicy, SlaTargetState } from '../schema/sla';
import { slaState } from '../sla';
import type { Moment, SlaHistoryEntry } from './timeline';

export interface SlaOutcomeInput {
  policy: SlaPolicy;
  /** The policy's calendar; null for a calendar-time policy. */
  calendar: BusinessCalendar | null;
  history: readonly SlaHistoryEntry[];
  /** The conversation's timeline: its SLA alerts and its creation name events too. */
  moments: readonly Moment[];
  now: Date;
}

/**
 * Every SLA target of the conversation as lib/sla evaluates it for the countdowns, with the
 * events that started and stopped each clock and the warnings and breach recorded for it.
 */
export function slaOutcomes(input: SlaOutcomeInput): SlaOutcome[] {
  const { policy, calendar, history, moments, now } = input;
  const state = slaState({ policy, calendar, history: history.map((h) => h.event), now });
  const createdId = moments.find((m) => m.kind === 'created')?.id;
  const idsAt = (instant: string | null, types: readonly string[]) => {
    if (instant === null) return [];
    const at = Date.parse(instant);
    return history.flatMap((h) => {
      if (Date.parse(h.event.at) !== at || !types.includes(h.event.type)) return [];
      const id = h.eventId ?? createdId;
      return id ? [id] : [];
    });
  };
  const outcome = (t: SlaTargetState, clock: number): SlaOutcome => {
    const alerts = moments.flatMap((m) =>
      m.kind === 'slaAlert' && m.target === t.kind && m.clock === clock ? [m.id] : [],
    );
    const eventIds = [
      ...idsAt(
        t.startedAt,
        t.kind === 'nextResponse' ? ['customerMessage', 'status'] : ['arrived'],
      ),
      ...idsAt(t.completedAt, t.kind === 'resolution' ? ['status'] : ['agentReply', 'status']),
      ...alerts,
    ];
    return {
      target: t.kind,
      clock,
      state: t.state,
      dueAt: t.dueAt,
      completedAt: t.completedAt,
      usedMs: t.usedMs,
      eventIds: [...new Set(eventIds)],
    };
  };
  return [
    ...(state.firstResponse ? [outcome(state.firstResponse, 0)] : []),
    ...state.nextResponses.map((t, i) => outcome(t, i)),
    ...(state.resolution ? [outcome(state.resolution, 0)] : []),
  ];
}
