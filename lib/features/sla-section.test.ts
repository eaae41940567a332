import { describe, expect, it } from 'vitest';
import { policyClocks, slaState } from '../sla';
import { arrived, berlin, berlinOffice, policy, reply, status } from '../sla/test-fixtures';
import { slaSection } from './sla-section';
import { formatUntil } from './snooze-times';

const p2 = policy({
  name: 'P2 billing',
  targets: { firstResponse: 120, nextResponse: 60, resolution: 12 * 60 },
  pauseWhen: ['pending', 'snoozed'],
  warning: { unit: 'minutes', value: 30 },
});
const clocks = policyClocks([p2], [berlinOffice]);
const evaluated = (history: Parameters<typeof slaState>[0]['history'], at: string) =>
  slaState({ policy: p2, calendar: berlinOffice, history, now: new Date(at) });
const when = (iso: string, now: string) => formatUntil(iso, new Date(now));

describe('the sidebar’s SLA section', () => {
  it('names the policy and each target: its countdown, tone and due time', () => {
    const sla = evaluated([arrived(berlin('2026-03-02T10:00'))], berlin('2026-03-02T10:00'));
    const now = berlin('2026-03-02T11:40');
    const section = slaSection(
      { sla, status: 'open', snoozedUntil: null },
      clocks,
      Date.parse(now),
    );
    expect(section?.policy).toBe('P2 billing');
    expect(section?.targets).toEqual([
      {
        kind: 'firstResponse',
        name: 'First response',
        label: 'FR 20m',
        tone: 'amber',
        state: 'running',
        detail: `due ${when(berlin('2026-03-02T12:00'), now)}`,
      },
      {
        kind: 'resolution',
        name: 'Resolution',
        label: 'RES 10h 20m',
        tone: 'neutral',
        state: 'running',
        // 12 h of a 7-hour office from Monday 10:00: Tuesday 16:00.
        detail: `due ${when(berlin('2026-03-03T16:00'), now)}`,
      },
    ]);
  });

  it('says when a target was met, and which one a customer is waiting on now', () => {
    const history = [
      arrived(berlin('2026-03-02T10:00')),
      reply(berlin('2026-03-02T10:30')),
      { type: 'customerMessage' as const, at: berlin('2026-03-02T14:00') },
    ];
    const sla = evaluated(history, berlin('2026-03-02T14:00'));
    const now = berlin('2026-03-02T15:30');
    const section = slaSection(
      { sla, status: 'open', snoozedUntil: null },
      clocks,
      Date.parse(now),
    );
    expect(section?.targets.map((t) => [t.label, t.detail])).toEqual([
      ['FR met', `met ${when(berlin('2026-03-02T10:30'), now)}`],
      ['NR overdue 30m', `was due ${when(berlin('2026-03-02T15:00'), now)}`],
      ['RES 7h 30m', `due ${when(berlin('2026-03-03T16:00'), now)}`],
    ]);
    expect(section?.targets[1]?.tone).toBe('red');
  });

  it('shows paused targets frozen, with the snooze’s end when there is one', () => {
    const until = berlin('2026-03-03T09:00');
    const history = [
      arrived(berlin('2026-03-02T10:00')),
      status(berlin('2026-03-02T11:00'), 'snoozed', until),
    ];
    const sla = evaluated(history, berlin('2026-03-02T11:00'));
    const now = berlin('2026-03-02T16:00');
    const section = slaSection(
      { sla, status: 'snoozed', snoozedUntil: until },
      clocks,
      Date.parse(now),
    );
    expect(section?.targets[0]).toMatchObject({
      label: 'FR paused 1h',
      state: 'paused',
      detail: `paused until ${when(until, now)}`,
    });
    const pending = slaSection(
      { sla, status: 'pending', snoozedUntil: null },
      clocks,
      Date.parse(now),
    );
    expect(pending?.targets[0]?.detail).toBe('paused while waiting');
  });

  it('is left out when no policy applies', () => {
    expect(slaSection({ sla: null, status: 'open', snoozedUntil: null }, clocks, 0)).toBeNull();
  });
});
