import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { SlaPolicy } from '../schema/sla';
import { berlinOffice, newYorkOffice, policy } from '../sla/test-fixtures';
import { conversationFacts } from './facts';
import { samplesOf } from './samples';
import { reportFigures } from './summary';
import { AGENT_A, AGENT_B, logOf, POLICY_ID, T0 } from './test-history';

type Step =
  | { kind: 'customer' }
  | { kind: 'reply' }
  | { kind: 'status'; status: 'open' | 'pending' | 'snoozed' | 'closed'; until: number | null }
  | { kind: 'assign'; to: string | null };

const steps = fc.array(
  fc.record({
    gap: fc.integer({ min: 0, max: 3 * 24 * 60 }), // minutes after the step before
    step: fc.oneof(
      fc.constant<Step>({ kind: 'customer' }),
      fc.constant<Step>({ kind: 'reply' }),
      fc.record({
        kind: fc.constant('status' as const),
        status: fc.constantFrom('open', 'pending', 'snoozed', 'closed'),
        until: fc.option(fc.integer({ min: 1, max: 2 * 24 * 60 }), { nil: null }),
      }),
      fc.record({
        kind: fc.constant('assign' as const),
        to: fc.constantFrom(AGENT_A, AGENT_B, null),
      }),
    ),
  }),
  { maxLength: 25 },
);

const iso = (ms: number) => new Date(ms).toISOString();

function build(history: { gap: number; step: Step }[], start: number) {
  const log = logOf();
  log.created(iso(start));
  let at = start;
  for (const { gap, step } of history) {
    at += gap * 60_000;
    const when = iso(at);
    if (step.kind === 'customer') log.customer(when);
    else if (step.kind === 'reply') log.reply(when);
    else if (step.kind === 'assign') log.assign(when, step.to);
    else
      log.status(
        when,
        step.status,
        step.status === 'snoozed' && step.until ? iso(at + step.until * 60_000) : null,
      );
  }
  return { log, end: at };
}

const pauses = fc.constantFrom<SlaPolicy['pauseWhen']>([], ['pending'], ['pending', 'snoozed']);
const calendars = fc.constantFrom(berlinOffice, newYorkOffice);
const starts = fc.integer({ min: T0 - 60 * 86_400_000, max: T0 + 60 * 86_400_000 });

describe('metrics over random histories', () => {
  test.prop([steps, pauses, calendars, starts])(
    'resolution ≤ calendar span, and business time ≤ calendar time',
    (history, pauseWhen, cal, start) => {
      const { log, end } = build(history, start);
      const p = policy({
        id: POLICY_ID,
        name: 'P',
        clock: 'calendar',
        calendarId: null,
        targets: {},
        pauseWhen,
      });
      const input = {
        conversation: { id: 'c', firstMessageAt: iso(start), createdAt: iso(start) },
        events: log.events,
        sla: { policy: p, calendar: null },
        now: new Date(end + 86_400_000),
      };
      const calendar = conversationFacts({ ...input, businessCalendar: null });
      const business = conversationFacts({ ...input, businessCalendar: cal });

      for (const f of [calendar, business]) {
        if (f.resolution) expect(f.resolution.ms).toBeLessThanOrEqual(f.resolution.calendarSpanMs);
      }
      expect(business.resolution?.ms ?? 0).toBeLessThanOrEqual(calendar.resolution?.ms ?? 0);
      expect(business.firstResponse?.fromArrivalMs ?? 0).toBeLessThanOrEqual(
        calendar.firstResponse?.fromArrivalMs ?? 0,
      );
      expect(business.nextResponses.length).toBe(calendar.nextResponses.length);
      business.nextResponses.forEach((r, i) => {
        expect(r.ms).toBeLessThanOrEqual(calendar.nextResponses[i]!.ms);
        expect(r.ms).toBeLessThanOrEqual(Date.parse(r.at) - Date.parse(r.waitingSince));
      });
      // Without pauses, calendar-time resolution is exactly the time not spent closed.
      if (pauseWhen.length === 0 && calendar.resolution) {
        const open = calendar.openSpans.reduce(
          (sum, s) => sum + Date.parse(s.end ?? calendar.asOf) - Date.parse(s.start),
          0,
        );
        expect(calendar.resolution.ms).toBe(open);
      }
      // Facts are closed exactly when the last status read is a close.
      expect(calendar.resolution === null).toBe(calendar.status !== 'closed');
      // Every close but a final one was followed by a re-open.
      const closes = calendar.closes.length;
      expect(calendar.reopens.length).toBe(calendar.status === 'closed' ? closes - 1 : closes);
    },
  );

  test.prop([fc.array(fc.tuple(steps, starts), { maxLength: 8 })])(
    'a figure is its samples: counts and durations add up over the conversations behind it',
    (conversations) => {
      const now = T0 + 90 * 86_400_000;
      const range = { from: T0 - 30 * 86_400_000, to: T0 + 30 * 86_400_000 };
      const all = conversations.map(([history, start], i) => {
        const { log } = build(history, start);
        return conversationFacts({
          conversation: { id: `c${i}`, firstMessageAt: iso(start), createdAt: iso(start) },
          events: log.events,
          sla: null,
          businessCalendar: null,
          now: new Date(now),
        });
      });
      const figures = reportFigures(all, range, now, 'Europe/Berlin');
      const samples = (m: Parameters<typeof samplesOf>[1]) =>
        all.flatMap((f) => samplesOf(f, m, range));
      expect(figures.conversations).toBe(samples('conversations').length);
      expect(figures.firstResponse.count).toBe(samples('firstResponse').length);
      expect(figures.averageResponse.count).toBe(
        samples('firstResponse').length + samples('nextResponse').length,
      );
      expect(figures.reopenRate.count).toBe(samples('reopenRate').filter((s) => s.value).length);
      expect(figures.volume.reduce((s, d) => s + d.arrived, 0)).toBe(figures.conversations);
      const { medianMs, p90Ms } = figures.resolution;
      if (medianMs !== null && p90Ms !== null) expect(medianMs).toBeLessThanOrEqual(p90Ms);
    },
  );
});
