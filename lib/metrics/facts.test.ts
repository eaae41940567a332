import { describe, expect, it } from 'vitest';
import { ConversationFacts } from '../schema/reports';
import type { SlaPolicy } from '../schema/sla';
import { slaState } from '../sla';
import { berlin, berlinOffice, HOUR, MINUTE, policy } from '../sla/test-fixtures';
import { conversationFacts, type FactsInput } from './facts';
import { samplesOf } from './samples';
import { AGENT_A, AGENT_B, logOf, POLICY_ID, T0, t } from './test-history';
import { slaHistoryOf } from './timeline';

const calendarPolicy = (patch: Partial<SlaPolicy> = {}) =>
  policy({
    id: POLICY_ID,
    name: 'P1',
    clock: 'calendar',
    calendarId: null,
    targets: { firstResponse: 20, nextResponse: 60, resolution: 240 },
    ...patch,
  });

const facts = (
  log: ReturnType<typeof logOf>,
  patch: Partial<FactsInput> & { arrivedAt?: string } = {},
) => {
  const { arrivedAt = t(0), ...rest } = patch;
  const result = conversationFacts({
    conversation: { id: 'c1', firstMessageAt: arrivedAt, createdAt: arrivedAt },
    events: log.events,
    sla: null,
    businessCalendar: null,
    now: new Date(T0 + 24 * HOUR),
    ...rest,
  });
  // Every answer is what the API schema promises.
  expect(ConversationFacts.parse(result)).toEqual(result);
  return result;
};

describe('one conversation’s facts', () => {
  it('first response from arrival and from assignment, next responses, resolution', () => {
    const log = logOf();
    const created = log.created(t(0));
    const message = log.customer(t(0));
    const assigned = log.assign(t(10), AGENT_A);
    const reply1 = log.reply(t(30));
    const again = log.customer(t(60));
    log.customer(t(70)); // a reply is already owed: the wait does not restart
    const reply2 = log.reply(t(105));
    const closed = log.status(t(120), 'closed');
    const breach = log.breach(t(21), 'firstResponse');
    const f = facts(log, { sla: { policy: calendarPolicy(), calendar: null } });

    expect(f.arrival).toEqual({ at: t(0), eventIds: [created] });
    expect(f.firstAssignment).toEqual({ at: t(10), assigneeId: AGENT_A, eventIds: [assigned] });
    expect(f.firstResponse).toEqual({
      at: t(30),
      fromArrivalMs: 30 * MINUTE,
      fromAssignmentMs: 20 * MINUTE,
      eventIds: [created, assigned, reply1],
    });
    expect(f.nextResponses).toEqual([
      { waitingSince: t(60), at: t(105), ms: 45 * MINUTE, eventIds: [again, reply2] },
    ]);
    expect(f.agentReplies).toBe(2);
    expect(f.resolution).toEqual({
      at: t(120),
      ms: 120 * MINUTE,
      calendarSpanMs: 120 * MINUTE,
      pausedWhen: [],
      eventIds: [created, closed],
    });
    expect(f.firstContactResolution).toEqual({
      value: false,
      eventIds: [reply1, reply2, closed],
    });
    expect(f.reopens).toEqual([]);
    expect(f.status).toBe('closed');
    expect(f.closes).toEqual([{ at: t(120), assigneeId: AGENT_A, eventIds: [closed] }]);
    // SLA: first response 30 > 20 min breached, next 45 ≤ 60 met, resolution 120 ≤ 240 met.
    expect(f.sla?.targets).toEqual([
      {
        target: 'firstResponse',
        clock: 0,
        state: 'breached',
        dueAt: t(20),
        completedAt: t(30),
        usedMs: 30 * MINUTE,
        eventIds: [created, reply1, breach],
      },
      {
        target: 'nextResponse',
        clock: 0,
        state: 'met',
        dueAt: null,
        completedAt: t(105),
        usedMs: 45 * MINUTE,
        eventIds: [again, reply2],
      },
      {
        target: 'resolution',
        clock: 0,
        state: 'met',
        dueAt: null,
        completedAt: t(120),
        usedMs: 120 * MINUTE,
        eventIds: [created, closed],
      },
    ]);
    expect(message).toBe('e2');
  });

  it('SLA outcomes are exactly what lib/sla computes for the countdowns', () => {
    const log = logOf();
    log.created(t(0));
    log.customer(t(0));
    log.reply(t(25));
    log.customer(t(40));
    log.status(t(50), 'pending');
    log.status(t(200), 'open');
    const p = calendarPolicy({ pauseWhen: ['pending'] });
    const now = new Date(T0 + 300 * MINUTE);
    const f = facts(log, { sla: { policy: p, calendar: null }, now });
    const state = slaState({
      policy: p,
      calendar: null,
      history: slaHistoryOf(t(0), log.events).map((h) => h.event),
      now,
    });
    const engine = [state.firstResponse, ...state.nextResponses, state.resolution];
    expect(f.sla?.targets.map((o) => [o.target, o.state, o.dueAt, o.usedMs])).toEqual(
      engine.map((s) => [s?.kind, s?.state, s?.dueAt, s?.usedMs]),
    );
  });

  it('a re-open: resolution counts both open spans, and a new response is owed', () => {
    const log = logOf();
    const created = log.created(t(0));
    log.reply(t(10));
    const close1 = log.status(t(60), 'closed');
    const reopen = log.status(t(180), 'open');
    const reply = log.reply(t(200));
    const close2 = log.status(t(240), 'closed');
    const f = facts(log);
    expect(f.resolution).toMatchObject({
      at: t(240),
      ms: 120 * MINUTE,
      calendarSpanMs: 240 * MINUTE,
      eventIds: [created, close1, reopen, close2],
    });
    expect(f.reopens).toEqual([{ at: t(180), eventIds: [reopen] }]);
    expect(f.nextResponses).toEqual([
      { waitingSince: t(180), at: t(200), ms: 20 * MINUTE, eventIds: [reopen, reply] },
    ]);
    expect(f.openSpans).toEqual([
      { start: t(0), end: t(60) },
      { start: t(180), end: t(240) },
    ]);
    expect(f.firstContactResolution?.value).toBe(false);
    const range = { from: T0, to: T0 + 24 * HOUR };
    expect(samplesOf(f, 'reopenRate', range)).toEqual([
      { conversationId: 'c1', value: true, at: t(60), eventIds: [close1, close2, reopen] },
    ]);
  });

  it('first-contact resolution: one reply, closed, never re-opened', () => {
    const log = logOf();
    log.created(t(0));
    const reply = log.reply(t(10));
    const close = log.status(t(20), 'closed');
    expect(facts(log).firstContactResolution).toEqual({ value: true, eventIds: [reply, close] });
    // Closed without any reply: not a contact resolution at all.
    const silent = logOf();
    silent.created(t(0));
    silent.status(t(5), 'closed');
    expect(facts(silent).firstContactResolution).toBeNull();
  });

  it('pending time is left out of resolution only when the policy pauses for it', () => {
    const log = logOf();
    log.created(t(0));
    log.reply(t(10));
    log.status(t(30), 'pending');
    log.status(t(150), 'open');
    log.status(t(180), 'closed');
    const paused = facts(log, {
      sla: { policy: calendarPolicy({ pauseWhen: ['pending'] }), calendar: null },
    });
    expect(paused.resolution).toMatchObject({
      ms: 60 * MINUTE,
      calendarSpanMs: 180 * MINUTE,
      pausedWhen: ['pending'],
    });
    const counting = facts(log, { sla: { policy: calendarPolicy(), calendar: null } });
    expect(counting.resolution).toMatchObject({ ms: 180 * MINUTE, pausedWhen: [] });
    expect(facts(log).resolution?.ms).toBe(180 * MINUTE);
  });

  it('a snooze with an end pauses until then, without a further event', () => {
    const log = logOf();
    log.created(t(0));
    log.status(t(30), 'snoozed', t(90));
    log.status(t(120), 'closed');
    const f = facts(log, {
      sla: { policy: calendarPolicy({ pauseWhen: ['snoozed'] }), calendar: null },
    });
    expect(f.resolution?.ms).toBe(60 * MINUTE);
  });

  it('a reply before anyone was assigned has no time from assignment', () => {
    const log = logOf();
    const created = log.created(t(0));
    const reply = log.reply(t(15));
    log.assign(t(20), AGENT_A);
    const f = facts(log);
    expect(f.firstResponse).toEqual({
      at: t(15),
      fromArrivalMs: 15 * MINUTE,
      fromAssignmentMs: null,
      eventIds: [created, reply],
    });
    expect(f.firstAssignment?.at).toBe(t(20));
    const range = { from: T0, to: T0 + HOUR };
    expect(samplesOf(f, 'firstResponseFromAssignment', range)[0]?.value).toBe('beforeAssignment');
  });

  it('business time skips the weekend and the lunch break; calendar time does not', () => {
    const log = logOf();
    const arrivedAt = berlin('2026-11-27T16:00'); // a Friday
    log.created(arrivedAt);
    log.reply(berlin('2026-11-30T10:00')); // Monday
    log.status(berlin('2026-11-30T14:30'), 'closed');
    const now = new Date(berlin('2026-12-01T00:00'));
    const business = facts(log, { arrivedAt, businessCalendar: berlinOffice, now });
    const calendar = facts(log, { arrivedAt, now });
    // Friday 16–17, Monday 09–10.
    expect(business.firstResponse?.fromArrivalMs).toBe(2 * HOUR);
    expect(calendar.firstResponse?.fromArrivalMs).toBe(66 * HOUR);
    // Friday 16–17, Monday 09–12 and 13–14:30.
    expect(business.resolution).toMatchObject({ ms: 5.5 * HOUR, calendarSpanMs: 70.5 * HOUR });
    expect(calendar.resolution?.ms).toBe(70.5 * HOUR);
    expect(business).toMatchObject({ clock: 'business', calendarId: berlinOffice.id });
  });

  it('a conversation still open: no resolution yet, its SLA clocks pending or breached', () => {
    const log = logOf();
    log.created(t(0));
    log.customer(t(0));
    log.assign(t(5), AGENT_A);
    log.assign(t(8), AGENT_B, AGENT_A);
    const now = new Date(T0 + 90 * MINUTE);
    const f = facts(log, { sla: { policy: calendarPolicy(), calendar: null }, now });
    expect(f).toMatchObject({
      status: 'open',
      assigneeId: AGENT_B,
      firstResponse: null,
      resolution: null,
      firstContactResolution: null,
      openSpans: [{ start: t(0), end: null }],
    });
    expect(f.sla?.targets.map((o) => [o.target, o.state, o.usedMs])).toEqual([
      ['firstResponse', 'breached', 90 * MINUTE],
      ['resolution', 'running', 90 * MINUTE],
    ]);
  });

  it('escalation is a priority raised; copilot drafts keep their outcomes', () => {
    const log = logOf();
    log.created(t(0));
    log.priority(t(5), 'normal', 'low');
    const raised = log.priority(t(10), 'low', 'urgent');
    log.priority(t(20), 'urgent', 'high');
    const d1 = log.draft(t(12), 'accepted');
    log.draft(t(13), 'discarded');
    const f = facts(log);
    expect(f.escalation).toEqual({ at: t(10), from: 'low', to: 'urgent', eventIds: [raised] });
    expect(f.copilotDrafts.map((d) => d.outcome)).toEqual(['accepted', 'discarded']);
    expect(f.copilotDrafts[0]?.eventIds).toEqual([d1]);
  });

  it('keeps every rating of the conversation, one per link, with its event', () => {
    const log = logOf();
    log.created(t(0));
    log.reply(t(10));
    const first = log.rated(t(60), 'csat', 'thumbs', 1);
    log.reply(t(120));
    const second = log.rated(t(180), 'csat', 'five', 2);
    const nps = log.rated(t(200), 'nps', 'ten', 9);
    log.rated(t(210), 'ces', 'seven', 9); // off its scale: says nothing
    log.events.push({ id: 'bad', type: 'survey.rated', before: null, after: {}, at: t(220) });
    const f = facts(log);
    expect(f.ratings).toEqual([
      { at: t(60), kind: 'csat', scale: 'thumbs', score: 1, eventIds: [first] },
      { at: t(180), kind: 'csat', scale: 'five', score: 2, eventIds: [second] },
      { at: t(200), kind: 'nps', scale: 'ten', score: 9, eventIds: [nps] },
    ]);
    const range = { from: T0, to: T0 + 24 * HOUR };
    expect(samplesOf(f, 'csat', range)).toEqual([
      { conversationId: 'c1', value: true, at: t(60), eventIds: [first] },
      { conversationId: 'c1', value: false, at: t(180), eventIds: [second] },
    ]);
    expect(samplesOf(f, 'nps', range).map((s) => s.value)).toEqual([9]);
    expect(samplesOf(f, 'ces', range)).toEqual([]);
  });

  it('reads nothing after now, and nothing unreadable', () => {
    const log = logOf();
    log.created(t(0));
    log.reply(t(30));
    log.events.push({ id: 'bad', type: 'conversation.status', before: null, after: 'x', at: t(1) });
    const early = facts(log, { now: new Date(T0 + 10 * MINUTE) });
    expect(early.firstResponse).toBeNull();
    expect(early.asOf).toBe(t(10));
    expect(facts(log).firstResponse?.fromArrivalMs).toBe(30 * MINUTE);
  });
});
