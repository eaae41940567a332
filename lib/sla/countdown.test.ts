import { describe, expect, it } from 'vitest';
import type { Status } from '../schema/conversation';
import type { SlaEvent, SlaPolicy } from '../schema/sla';
import { conversationCountdowns, mostUrgent, policyClocks } from './countdown';
import { slaState } from './evaluate';
import {
  allDay,
  arrived,
  berlin,
  berlinOffice,
  MINUTE,
  policy,
  reply,
  status,
} from './test-fixtures';

const p3General = policy({
  name: 'P3 general',
  targets: { firstResponse: 4 * 60, resolution: 24 * 60 },
  warning: { unit: 'percent', value: 20 },
});
const p2Billing = policy({
  name: 'P2 billing',
  targets: { firstResponse: 120, resolution: 12 * 60 },
  pauseWhen: ['pending', 'snoozed'],
});
const clocks = policyClocks([p3General], [berlinOffice]);

/** A conversation as the API last evaluated it, at `evaluatedAt`. */
function evaluated(
  p: SlaPolicy,
  history: SlaEvent[],
  evaluatedAt: string,
  now: { status?: Status; snoozedUntil?: string } = {},
) {
  return {
    sla: slaState({ policy: p, calendar: berlinOffice, history, now: new Date(evaluatedAt) }),
    status: now.status ?? 'open',
    snoozedUntil: now.snoozedUntil ?? null,
  };
}

const at = (text: string) => Date.parse(berlin(text));
const firstResponse = (c: ReturnType<typeof evaluated>, now: string, withClocks = clocks) =>
  conversationCountdowns(c, withClocks, at(now))?.countdowns.find(
    (x) => x.kind === 'firstResponse',
  );

// Berlin office: Mon–Fri 09–12 and 13–17. P3: first response 4 business hours, warning at 20%
// (48 min before due). Arrived Monday 16:00: due Tuesday 12:00, warning from 11:12.
describe('countdowns of a conversation evaluated at its last change', () => {
  const fresh = evaluated(
    p3General,
    [arrived(berlin('2026-03-02T16:00'))],
    berlin('2026-03-02T16:00'),
  );

  it('count business time left from now to the due time, not the snapshot’s', () => {
    const fr = firstResponse(fresh, '2026-03-02T16:45');
    expect(fr?.target.remainingMs).toBe(195 * MINUTE);
    expect(fr?.target.usedMs).toBe(45 * MINUTE);
    expect(fr).toMatchObject({ label: 'FR 3h 15m', tone: 'neutral', counting: true });
  });

  it('stand still overnight: the office is closed', () => {
    expect(firstResponse(fresh, '2026-03-02T17:00')?.label).toBe('FR 3h');
    expect(firstResponse(fresh, '2026-03-02T23:59')?.label).toBe('FR 3h');
    expect(firstResponse(fresh, '2026-03-03T08:59')?.label).toBe('FR 3h');
    expect(firstResponse(fresh, '2026-03-03T09:01')?.label).toBe('FR 2h 59m');
  });

  it('turn amber at the warning time', () => {
    expect(firstResponse(fresh, '2026-03-03T11:11')).toMatchObject({
      label: 'FR 49m',
      tone: 'neutral',
      warning: false,
    });
    expect(firstResponse(fresh, '2026-03-03T11:12')).toMatchObject({
      label: 'FR 48m',
      tone: 'amber',
      warning: true,
    });
  });

  it('are overdue by business time: due at the lunch closing, red only once the office opens', () => {
    const lunch = firstResponse(fresh, '2026-03-03T12:40');
    expect(lunch).toMatchObject({ label: 'FR 0m', tone: 'amber' });
    expect(lunch?.target.state).toBe('running');
    const after = firstResponse(fresh, '2026-03-03T14:03');
    expect(after).toMatchObject({ label: 'FR overdue 1h 3m', tone: 'red', warning: false });
    expect(after?.target).toMatchObject({ state: 'breached', remainingMs: -63 * MINUTE });
  });

  it('show a met target as met, and the one still owed as the most urgent', () => {
    const replied = evaluated(
      p3General,
      [arrived(berlin('2026-03-02T16:00')), reply(berlin('2026-03-03T10:00'))],
      berlin('2026-03-03T10:00'),
    );
    const all = conversationCountdowns(replied, clocks, at('2026-03-03T10:30'));
    expect(all?.policy.name).toBe('P3 general');
    expect(all?.countdowns.map((c) => c.label)).toEqual(['FR met', 'RES 21h 30m']);
    expect(all?.countdowns[0]).toMatchObject({ counting: false, tone: 'neutral' });
    expect(mostUrgent(all?.countdowns ?? [])?.kind).toBe('resolution');
  });
});

describe('paused countdowns (P2 billing pauses while pending or snoozed)', () => {
  const billing = policyClocks([p2Billing], [berlinOffice]);
  // Arrived Monday 10:00; pending from 11:00 with 1 h of its 2 h used.
  const history = [
    arrived(berlin('2026-03-02T10:00')),
    status(berlin('2026-03-02T11:00'), 'pending'),
  ];

  it('freeze while the conversation waits, whatever the time', () => {
    const pending = evaluated(p2Billing, history, berlin('2026-03-02T11:00'), {
      status: 'pending',
    });
    for (const now of ['2026-03-02T15:00', '2026-03-04T10:00']) {
      const fr = firstResponse(pending, now, billing);
      expect(fr).toMatchObject({ label: 'FR paused 1h', paused: true, resumesAt: null });
      expect(fr?.target.state).toBe('paused');
    }
  });

  it('count again by themselves when a snooze ends', () => {
    const until = berlin('2026-03-02T14:00');
    const snoozed = evaluated(
      p2Billing,
      [arrived(berlin('2026-03-02T10:00')), status(berlin('2026-03-02T11:00'), 'snoozed', until)],
      berlin('2026-03-02T11:00'),
      { status: 'snoozed', snoozedUntil: until },
    );
    expect(firstResponse(snoozed, '2026-03-02T13:30', billing)).toMatchObject({
      label: 'FR paused 1h',
      resumesAt: Date.parse(until),
    });
    // Due 15:00 on the known schedule: at 14:20, 40 min left.
    expect(firstResponse(snoozed, '2026-03-02T14:20', billing)).toMatchObject({
      label: 'FR 40m',
      paused: false,
    });
  });

  it('stay red when they paused overdue', () => {
    const late = [
      arrived(berlin('2026-03-02T09:00')),
      status(berlin('2026-03-02T11:30'), 'pending'),
    ];
    const pending = evaluated(p2Billing, late, berlin('2026-03-02T11:30'), { status: 'pending' });
    expect(firstResponse(pending, '2026-03-03T10:00', billing)).toMatchObject({
      label: 'FR overdue 30m',
      tone: 'red',
      paused: true,
    });
  });
});

describe('policy clocks', () => {
  it('count calendar time for a calendar-clock policy', () => {
    const p1 = policy({
      name: 'P1 outage',
      targets: { firstResponse: 30 },
      clock: 'calendar',
      calendarId: null,
    });
    const c = evaluated(p1, [arrived(berlin('2026-03-07T22:00'))], berlin('2026-03-07T22:00'));
    // Saturday night: elapsed time counts.
    expect(firstResponse(c, '2026-03-07T22:20', policyClocks([p1], []))?.label).toBe('FR 10m');
  });

  it('leave out a business policy whose calendar is not known, so nothing is shown', () => {
    const c = evaluated(
      p3General,
      [arrived(berlin('2026-03-02T16:00'))],
      berlin('2026-03-02T16:00'),
    );
    expect(policyClocks([p3General], [allDay('Other', 'UTC')]).size).toBe(0);
    expect(conversationCountdowns(c, new Map(), at('2026-03-02T16:30'))).toBeNull();
    expect(conversationCountdowns({ ...c, sla: null }, clocks, at('2026-03-02T16:30'))).toBeNull();
  });
});

describe('the most urgent countdown', () => {
  it('prefers one that counts to a paused one, then the least time left', () => {
    const c = evaluated(
      p3General,
      [arrived(berlin('2026-03-02T16:00'))],
      berlin('2026-03-02T16:00'),
    );
    const all = conversationCountdowns(c, clocks, at('2026-03-03T14:00'))?.countdowns ?? [];
    expect(mostUrgent(all)?.label).toBe('FR overdue 1h');
    const paused = all.map((x) => ({ ...x, paused: x.kind === 'firstResponse' }));
    expect(mostUrgent(paused)?.kind).toBe('resolution');
    expect(mostUrgent([])).toBeNull();
  });
});
