import { describe, expect, it } from 'vitest';
import type { ConversationFacts } from '../schema/reports';
import { berlin, berlinOffice, HOUR, MINUTE, policy } from '../sla/test-fixtures';
import { conversationFacts } from './facts';
import { reportFigures } from './summary';
import { AGENT_A, AGENT_B, logOf, POLICY_ID } from './test-history';

/**
 * Hand-computed histories, each in both clocks: calendar time, and business time of the
 * Berlin office (Mon–Fri 09:00–12:00 and 13:00–17:00). Times are Berlin wall times;
 * 30 Nov 2026 is a Monday.
 */
const mon = (time: string) => berlin(`2026-11-30T${time}`);
const tue = (time: string) => berlin(`2026-12-01T${time}`);
const NOW = new Date(berlin('2026-12-02T12:00'));
const pausing = policy({
  id: POLICY_ID,
  name: 'Pauses when pending',
  clock: 'calendar',
  calendarId: null,
  targets: { firstResponse: 60, resolution: 480 },
  pauseWhen: ['pending'],
});

type History = { id: string; log: ReturnType<typeof logOf>; arrivedAt: string; pauses?: true };

function history(id: string, arrivedAt: string, write: (log: ReturnType<typeof logOf>) => void) {
  const log = logOf(`${id}-`);
  log.created(arrivedAt);
  write(log);
  return { id, log, arrivedAt };
}

const reopened = history('reopened', mon('10:00'), (log) => {
  log.reply(mon('10:30'));
  log.status(mon('11:00'), 'closed');
  log.status(tue('11:30'), 'open');
  log.reply(tue('13:30'));
  log.status(tue('14:00'), 'closed');
});
const reassignedOvernight = history('reassigned', mon('16:00'), (log) => {
  log.assign(mon('16:10'), AGENT_A);
  log.assign(mon('16:40'), AGENT_B, AGENT_A);
  log.reply(tue('09:20'));
  log.status(tue('09:30'), 'closed');
});
const paused: History = {
  ...history('paused', mon('09:00'), (log) => {
    log.reply(mon('09:30'));
    log.status(mon('09:30'), 'pending');
    log.status(mon('14:00'), 'open');
    log.status(mon('15:00'), 'closed');
  }),
  pauses: true,
};
const multipleReplies = history('replies', mon('10:00'), (log) => {
  log.reply(mon('10:05'));
  log.customer(mon('10:20'));
  log.customer(mon('10:25')); // still waiting: the wait does not restart
  log.reply(mon('10:45'));
  log.customer(mon('11:50'));
  log.reply(mon('13:10')); // across the lunch break
});
const spam = history('spam', mon('10:00'), (log) => {
  log.status(mon('10:01'), 'closed');
});

function factsOf(h: History, clock: 'calendar' | 'business'): ConversationFacts {
  return conversationFacts({
    conversation: { id: h.id, firstMessageAt: h.arrivedAt, createdAt: h.arrivedAt },
    events: h.log.events,
    sla: h.pauses ? { policy: pausing, calendar: null } : null,
    businessCalendar: clock === 'business' ? berlinOffice : null,
    now: NOW,
  });
}

const both = (h: History) => ({
  calendar: factsOf(h, 'calendar'),
  business: factsOf(h, 'business'),
});
const M = MINUTE;

describe('hand-computed histories, calendar and business time', () => {
  it('re-opened: both open spans count, the re-open owes a response', () => {
    const { calendar, business } = both(reopened);
    expect([calendar.firstResponse?.fromArrivalMs, business.firstResponse?.fromArrivalMs]).toEqual([
      30 * M,
      30 * M,
    ]);
    // Tue 11:30 → 13:30: two hours, one of them the lunch break.
    expect(calendar.nextResponses.map((r) => r.ms)).toEqual([2 * HOUR]);
    expect(business.nextResponses.map((r) => r.ms)).toEqual([HOUR]);
    // Mon 10:00–11:00, then Tue 11:30–14:00 (business: less the lunch hour).
    expect(calendar.resolution?.ms).toBe(3.5 * HOUR);
    expect(business.resolution?.ms).toBe(2.5 * HOUR);
    expect(calendar.firstContactResolution?.value).toBe(false);
    expect(calendar.reopens).toHaveLength(1);
  });

  it('reassigned overnight: from assignment counts from the first one; the close is the last owner’s', () => {
    const { calendar, business } = both(reassignedOvernight);
    expect(calendar.firstResponse).toMatchObject({
      fromArrivalMs: 17 * HOUR + 20 * M,
      fromAssignmentMs: 17 * HOUR + 10 * M,
    });
    // Mon 16:00–17:00 and Tue 09:00–09:20; from 16:10: 50 + 20 min.
    expect(business.firstResponse).toMatchObject({
      fromArrivalMs: HOUR + 20 * M,
      fromAssignmentMs: HOUR + 10 * M,
    });
    expect([calendar.resolution?.ms, business.resolution?.ms]).toEqual([
      17 * HOUR + 30 * M,
      HOUR + 30 * M,
    ]);
    expect(calendar.assignments.map((a) => a.assigneeId)).toEqual([AGENT_A, AGENT_B]);
    expect(calendar.closes).toEqual([expect.objectContaining({ assigneeId: AGENT_B })]);
    expect(calendar.firstContactResolution?.value).toBe(true);
  });

  it('paused: pending time is left out of resolution when the policy pauses for it', () => {
    const { calendar, business } = both(paused);
    // 09:00–09:30 and 14:00–15:00, in both clocks (office hours).
    expect([calendar.resolution?.ms, business.resolution?.ms]).toEqual([90 * M, 90 * M]);
    const unpaused = { ...paused, pauses: undefined };
    // Without the pause: 09:00–15:00, and in business time less the lunch hour.
    expect([
      factsOf(unpaused, 'calendar').resolution?.ms,
      factsOf(unpaused, 'business').resolution?.ms,
    ]).toEqual([6 * HOUR, 5 * HOUR]);
    // Leaving pending is no re-open: nothing more is owed.
    expect(calendar.nextResponses).toEqual([]);
  });

  it('several replies: each wait from the first unanswered message to the next reply', () => {
    const { calendar, business } = both(multipleReplies);
    expect(calendar.firstResponse?.fromArrivalMs).toBe(5 * M);
    expect(calendar.nextResponses.map((r) => r.ms)).toEqual([25 * M, 80 * M]);
    // 11:50–12:00 and 13:00–13:10.
    expect(business.nextResponses.map((r) => r.ms)).toEqual([25 * M, 20 * M]);
    expect(calendar.resolution).toBeNull();
    expect(calendar.firstContactResolution).toBeNull();
  });

  it('spam closed without a reply: resolved, no response, not first-contact', () => {
    const { calendar, business } = both(spam);
    expect([calendar.resolution?.ms, business.resolution?.ms]).toEqual([M, M]);
    expect(calendar.firstResponse).toBeNull();
    expect(calendar.firstContactResolution).toBeNull();
  });

  it('together: the report’s figures in each clock', () => {
    const all = [reopened, reassignedOvernight, paused, multipleReplies, spam];
    const range = { from: Date.parse(mon('00:00')), to: Date.parse(tue('23:59')) };
    const figures = (clock: 'calendar' | 'business') =>
      reportFigures(
        all.map((h) => factsOf(h, clock)),
        range,
        NOW.getTime(),
        'Europe/Berlin',
      );
    const calendar = figures('calendar');
    const business = figures('business');
    expect(calendar.conversations).toBe(5);
    // First responses: 30 m, 17 h 20 m, 30 m, 5 m (spam none).
    expect(calendar.firstResponse).toMatchObject({
      count: 4,
      medianMs: 30 * M,
      p90Ms: 17 * HOUR + 20 * M,
    });
    expect(business.firstResponse).toMatchObject({
      count: 4,
      medianMs: 30 * M,
      p90Ms: HOUR + 20 * M,
    });
    // Next: 2 h, 25 m, 80 m | 1 h, 25 m, 20 m.
    expect(calendar.nextResponse).toMatchObject({ count: 3, medianMs: 80 * M });
    expect(business.nextResponse).toMatchObject({ count: 3, medianMs: 25 * M });
    // Resolutions: 3.5 h, 17.5 h, 1.5 h, 1 m | 2.5 h, 1.5 h, 1.5 h, 1 m.
    expect(calendar.resolution).toMatchObject({ count: 4, medianMs: 2.5 * HOUR });
    expect(business.resolution).toMatchObject({ count: 4, medianMs: 1.5 * HOUR });
    // Closed and answered: re-opened (no), reassigned (yes), paused (yes).
    expect(calendar.firstContactResolution).toEqual({ count: 2, of: 3, rate: 2 / 3 });
    // Closed at least once: four; re-opened: one.
    expect(calendar.reopenRate).toEqual({ count: 1, of: 4, rate: 0.25 });
    expect(business.firstContactResolution).toEqual(calendar.firstContactResolution);
    expect(calendar.workload).toEqual([
      { agentId: AGENT_A, open: 0, assigned: 1, assignedToday: 0, closed: 0 },
      { agentId: AGENT_B, open: 0, assigned: 1, assignedToday: 0, closed: 1 },
    ]);
  });
});
