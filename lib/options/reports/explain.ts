import type { ConversationFacts, SlaOutcome, SlaTargetKind, TimelineEvent } from '../../schema';
import { formatInstant, formatMs } from './format';

/** One figure of a conversation, and the events that started and ended it. */
export interface FactLine {
  key: string;
  label: string;
  /** The value in words: "30m", "breached: used 30m of its time, due 30 Nov, 09:20". */
  value: string;
  /** An SLA target's state, for styling. */
  state?: SlaOutcome['state'];
  startId: string | null;
  endId: string | null;
}

const TARGETS: Record<SlaTargetKind, string> = {
  firstResponse: 'SLA first response',
  nextResponse: 'SLA next response',
  resolution: 'SLA resolution',
};

const ends = (eventIds: readonly string[]) => ({
  startId: eventIds[0] ?? null,
  endId: eventIds.length > 1 ? eventIds[eventIds.length - 1]! : null,
});

function slaLine(target: SlaOutcome, arrivalId: string | null): FactLine {
  const clock = target.target === 'nextResponse' ? ` ${target.clock}` : '';
  const due = target.dueAt ? `, due ${formatInstant(target.dueAt)}` : '';
  const used = `used ${formatMs(target.usedMs)}${due}`;
  // The SLA clocks start at the arrival, which is no event of the SLA's history.
  const first =
    target.target === 'nextResponse' ? target.eventIds : [arrivalId, ...target.eventIds];
  const ids = first.filter((id): id is string => id !== null);
  return {
    key: `sla-${target.target}-${target.clock}`,
    label: `${TARGETS[target.target]}${clock}`,
    value: `${target.state}: ${used}`,
    state: target.state,
    ...ends(ids),
  };
}

/**
 * How each figure of one conversation was computed, in the order a lead reads them: the
 * value and the events it runs between.
 */
export function factLines(facts: ConversationFacts): FactLine[] {
  const arrivalId = facts.arrival.eventIds[0] ?? null;
  const lines: FactLine[] = [];
  const first = facts.firstResponse;
  if (first) {
    lines.push({
      key: 'firstResponse',
      label: 'First response',
      value: formatMs(first.fromArrivalMs),
      ...ends(first.eventIds),
    });
    lines.push({
      key: 'firstResponseFromAssignment',
      label: 'First response from assignment',
      ...(first.fromAssignmentMs === null
        ? { value: 'replied before assignment', startId: null, endId: null }
        : { value: formatMs(first.fromAssignmentMs), ...ends(first.eventIds.slice(1)) }),
    });
  } else
    lines.push({
      key: 'firstResponse',
      label: 'First response',
      value: 'not answered yet',
      startId: arrivalId,
      endId: null,
    });
  lines.push(
    ...facts.nextResponses.map((next, i) => ({
      key: `nextResponse-${i}`,
      label: `Next response ${i + 1}`,
      value: formatMs(next.ms),
      ...ends(next.eventIds),
    })),
  );
  const r = facts.resolution;
  lines.push(
    r
      ? { key: 'resolution', label: 'Resolution', value: formatMs(r.ms), ...ends(r.eventIds) }
      : {
          key: 'resolution',
          label: 'Resolution',
          value: 'not closed',
          startId: arrivalId,
          endId: null,
        },
  );
  for (const target of facts.sla?.targets ?? []) lines.push(slaLine(target, arrivalId));
  if (facts.firstContactResolution)
    lines.push({
      key: 'firstContactResolution',
      label: 'First-contact resolution',
      value: facts.firstContactResolution.value ? 'yes' : 'no',
      ...ends(facts.firstContactResolution.eventIds),
    });
  if (facts.reopens.length)
    lines.push({
      key: 'reopens',
      label: 'Re-opened',
      value: `${facts.reopens.length} time${facts.reopens.length === 1 ? '' : 's'}`,
      ...ends(facts.reopens.flatMap((x) => x.eventIds)),
    });
  if (facts.escalation)
    lines.push({
      key: 'escalation',
      label: 'Escalated',
      value: `${facts.escalation.from} → ${facts.escalation.to}`,
      startId: facts.escalation.eventIds[0] ?? null,
      endId: null,
    });
  return lines;
}

const TYPE_LABELS: Record<string, string> = {
  'conversation.created': 'Customer message (arrival)',
  'conversation.message_received': 'Customer message',
  'conversation.replied': 'Reply',
  'conversation.status': 'Status',
  'conversation.assigned': 'Assigned to',
  'conversation.unassigned': 'Unassigned',
  'conversation.priority': 'Priority',
  'copilot.draft': 'Copilot draft',
  'sla.warning': 'SLA warning',
  'sla.breached': 'SLA breach alert',
};

/** An event as the timeline names it: "Reply", "Assigned to Ana", "Status closed". */
export function eventLabel(event: TimelineEvent, names: ReadonlyMap<string, string>): string {
  const label = TYPE_LABELS[event.type] ?? event.type;
  if (!event.detail) return label;
  const detail =
    event.type === 'conversation.assigned'
      ? (names.get(event.detail) ?? event.detail)
      : event.detail;
  return `${label} ${detail}`;
}
