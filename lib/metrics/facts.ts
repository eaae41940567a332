import type { Priority, Status } from '../schema/conversation-fields';
import type { ConversationFacts, ResponseFact } from '../schema/reports';
import type { BusinessCalendar, SlaPolicy } from '../schema/sla';
import { slaState } from '../sla';
import { measuringPolicy, measuringTime } from './clock';
import { slaOutcomes } from './sla-outcome';
import { type MetricEvent, type Moment, slaHistoryOf, timelineOf } from './timeline';

export interface FactsInput {
  conversation: { id: string; firstMessageAt: string | null; createdAt: string };
  /** The conversation's activity events in log order (version, then time). */
  events: readonly MetricEvent[];
  /** The conversation's SLA policy and that policy's calendar; null when none applies. */
  sla: { policy: SlaPolicy; calendar: BusinessCalendar | null } | null;
  /** Durations are business time in this calendar; null measures elapsed time. */
  businessCalendar: BusinessCalendar | null;
  /** Events after it are not read: the facts are as of this instant. */
  now: Date;
}

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
const iso = (at: number) => new Date(at).toISOString();

type Span = ConversationFacts['openSpans'][number];

/**
 * What one conversation's history says: when it arrived, was assigned, answered, closed
 * and re-opened, its SLA outcomes, copilot drafts and the customer's ratings, each with the
 * ids of the events it was read from. Pure: the same history and `now` give the same facts anywhere.
 */
export function conversationFacts(input: FactsInput): ConversationFacts {
  const { conversation, events, sla, businessCalendar } = input;
  const now = input.now.getTime();
  const arrivedIso = conversation.firstMessageAt ?? conversation.createdAt;
  const arrivedAt = Date.parse(arrivedIso);
  const time = measuringTime(businessCalendar);
  const moments = timelineOf(events).filter((m) => m.at <= now);
  const createdIds = moments.flatMap((m) => (m.kind === 'created' ? [m.id] : [])).slice(0, 1);

  let status: Status = 'open';
  let snoozeEnd = Number.POSITIVE_INFINITY;
  let assigneeId: string | null = null;
  let firstAssignment: ConversationFacts['firstAssignment'] = null;
  let firstReply: Moment | null = null;
  let waiting: { since: number; ids: string[] } | null = null;
  let escalation: ConversationFacts['escalation'] = null;
  const replyIds: string[] = [];
  const statusIds: string[] = [];
  const nextResponses: ResponseFact[] = [];
  const reopens: ConversationFacts['reopens'] = [];
  const closes: ConversationFacts['closes'] = [];
  const assignments: ConversationFacts['assignments'] = [];
  const copilotDrafts: ConversationFacts['copilotDrafts'] = [];
  const ratings: ConversationFacts['ratings'] = [];
  const openSpans: Span[] = [{ start: iso(arrivedAt), end: null }];

  for (const m of moments) {
    // Statuses, replies and messages before the arrival are not part of the history (as
    // for the SLA engine); assignments, priorities and drafts are.
    const counts = m.at >= arrivedAt;
    if (status === 'snoozed' && snoozeEnd <= m.at) status = 'open';
    switch (m.kind) {
      case 'status': {
        if (!counts) break;
        statusIds.push(m.id);
        if (status !== 'closed' && m.status === 'closed') {
          closes.push({ at: iso(m.at), assigneeId, eventIds: [m.id] });
          openSpans[openSpans.length - 1]!.end = iso(m.at);
          waiting = null;
        } else if (status === 'closed' && m.status !== 'closed') {
          reopens.push({ at: iso(m.at), eventIds: [m.id] });
          openSpans.push({ start: iso(m.at), end: null });
          // A re-open owes a new response, as the SLA's next-response clock says.
          if (firstReply) waiting = { since: m.at, ids: [m.id] };
        }
        status = m.status;
        snoozeEnd = m.until ?? Number.POSITIVE_INFINITY;
        break;
      }
      case 'customerMessage':
        if (counts && firstReply && status !== 'closed' && !waiting)
          waiting = { since: m.at, ids: [m.id] };
        break;
      case 'agentReply':
        if (!counts) break;
        replyIds.push(m.id);
        if (!firstReply) firstReply = m;
        else if (waiting)
          nextResponses.push({
            waitingSince: iso(waiting.since),
            at: iso(m.at),
            ms: time.measure(waiting.since, m.at),
            eventIds: [...waiting.ids, m.id],
          });
        waiting = null;
        break;
      case 'assigned':
        assigneeId = m.assigneeId;
        assignments.push({ at: iso(m.at), assigneeId, eventIds: [m.id] });
        if (!firstAssignment && assigneeId)
          firstAssignment = { at: iso(m.at), assigneeId, eventIds: [m.id] };
        break;
      case 'priority':
        if (!escalation && RANK[m.to] > RANK[m.from])
          escalation = { at: iso(m.at), from: m.from, to: m.to, eventIds: [m.id] };
        break;
      case 'copilotDraft':
        copilotDrafts.push({ at: iso(m.at), outcome: m.outcome, eventIds: [m.id] });
        break;
      case 'rating':
        ratings.push({
          at: iso(m.at),
          kind: m.survey,
          scale: m.scale,
          score: m.score,
          eventIds: [m.id],
        });
        break;
      default:
        break;
    }
  }
  if (status === 'snoozed' && snoozeEnd <= now) status = 'open';

  const history = slaHistoryOf(arrivedIso, events);
  const lastClose = closes.at(-1);
  let resolution: ConversationFacts['resolution'] = null;
  if (status === 'closed' && lastClose) {
    const pausedWhen = sla?.policy.pauseWhen ?? [];
    const measured = slaState({
      policy: measuringPolicy(businessCalendar, pausedWhen),
      calendar: businessCalendar,
      history: history.map((h) => h.event),
      now: input.now,
    });
    resolution = {
      at: lastClose.at,
      ms: measured.resolution?.usedMs ?? 0,
      calendarSpanMs: Date.parse(lastClose.at) - arrivedAt,
      pausedWhen: [...pausedWhen],
      eventIds: [...createdIds, ...statusIds],
    };
  }

  const firstAssignedAt = firstAssignment ? Date.parse(firstAssignment.at) : null;
  const firstResponse: ConversationFacts['firstResponse'] = firstReply && {
    at: iso(firstReply.at),
    fromArrivalMs: time.measure(arrivedAt, firstReply.at),
    fromAssignmentMs:
      firstAssignedAt !== null && firstAssignedAt <= firstReply.at
        ? time.measure(firstAssignedAt, firstReply.at)
        : null,
    eventIds: [
      ...createdIds,
      ...(firstAssignment && firstAssignedAt !== null && firstAssignedAt <= firstReply.at
        ? firstAssignment.eventIds
        : []),
      firstReply.id,
    ],
  };

  const firstContactResolution: ConversationFacts['firstContactResolution'] =
    resolution && replyIds.length > 0
      ? {
          value: replyIds.length === 1 && reopens.length === 0,
          eventIds: [
            ...replyIds,
            ...closes.flatMap((c) => c.eventIds),
            ...reopens.flatMap((r) => r.eventIds),
          ],
        }
      : null;

  return {
    conversationId: conversation.id,
    clock: businessCalendar ? 'business' : 'calendar',
    calendarId: businessCalendar?.id ?? null,
    asOf: iso(now),
    status,
    assigneeId,
    arrival: { at: iso(arrivedAt), eventIds: createdIds },
    firstAssignment,
    firstResponse,
    nextResponses,
    agentReplies: replyIds.length,
    resolution,
    reopens,
    firstContactResolution,
    escalation,
    sla: sla && {
      policyId: sla.policy.id,
      targets: slaOutcomes({ ...sla, history, moments, now: input.now }),
    },
    copilotDrafts,
    ratings,
    openSpans,
    assignments,
    closes,
  };
}
