import { describe, expect, it } from 'vitest';
import { conversationFacts } from '../../metrics/facts';
import { AGENT_A, logOf, POLICY_ID, T0, t } from '../../metrics/test-history';
import type { TimelineEvent } from '../../schema';
import { policy } from '../../sla/test-fixtures';
import { eventLabel, factLines } from './explain';
import { durationTicks, formatMs, formatSampleValue } from './format';

const HOUR = 3_600_000;

/** Arrived at 0, assigned at 10, answered at 63 (a 20-minute target: breached), closed at 90. */
function story() {
  const log = logOf();
  const created = log.created(t(0));
  const assigned = log.assign(t(10), AGENT_A);
  const reply = log.reply(t(63), t(64));
  const closed = log.status(t(90), 'closed');
  const facts = conversationFacts({
    conversation: { id: 'c1', firstMessageAt: t(0), createdAt: t(0) },
    events: log.events,
    sla: {
      policy: policy({
        id: POLICY_ID,
        name: 'P1',
        clock: 'calendar',
        calendarId: null,
        targets: { firstResponse: 20 },
      }),
      calendar: null,
    },
    businessCalendar: null,
    now: new Date(T0 + 24 * HOUR),
  });
  return { facts, ids: { created, assigned, reply, closed } };
}

describe('how a conversation’s figures were computed', () => {
  it('names each figure’s value and the events it runs between', () => {
    const { facts, ids } = story();
    const byKey = new Map(factLines(facts).map((l) => [l.key, l]));
    expect(byKey.get('firstResponse')).toMatchObject({
      value: '1h 3m',
      startId: ids.created,
      endId: ids.reply,
    });
    expect(byKey.get('firstResponseFromAssignment')).toMatchObject({
      value: '53m',
      startId: ids.assigned,
      endId: ids.reply,
    });
    expect(byKey.get('resolution')).toMatchObject({
      value: '1h 30m',
      startId: ids.created,
      endId: ids.closed,
    });
    expect(byKey.get('sla-firstResponse-0')).toMatchObject({
      label: 'SLA first response',
      state: 'breached',
      startId: ids.created,
      endId: ids.reply,
    });
    expect(byKey.get('sla-firstResponse-0')?.value).toMatch(/^breached: used 1h 3m, due /);
    expect(byKey.get('firstContactResolution')).toMatchObject({ value: 'yes' });
  });

  it('says what is not there yet rather than a number', () => {
    const log = logOf();
    const created = log.created(t(0));
    const facts = conversationFacts({
      conversation: { id: 'c2', firstMessageAt: t(0), createdAt: t(0) },
      events: log.events,
      sla: null,
      businessCalendar: null,
      now: new Date(T0 + HOUR),
    });
    expect(factLines(facts).map((l) => [l.label, l.value, l.startId, l.endId])).toEqual([
      ['First response', 'not answered yet', created, null],
      ['Resolution', 'not closed', created, null],
    ]);
  });

  it('labels events with people’s names', () => {
    const event = (type: string, detail: string | null): TimelineEvent => ({
      id: 'e1',
      type,
      at: t(0),
      actorId: null,
      detail,
    });
    const names = new Map([[AGENT_A, 'Ana']]);
    expect(eventLabel(event('conversation.assigned', AGENT_A), names)).toBe('Assigned to Ana');
    expect(eventLabel(event('conversation.status', 'closed'), names)).toBe('Status closed');
    expect(eventLabel(event('conversation.replied', null), names)).toBe('Reply');
    expect(eventLabel(event('survey.rated', null), names)).toBe('survey.rated');
  });
});

describe('report formats', () => {
  it('durations to the nearest minute, seconds under one', () => {
    expect(formatMs(null)).toBe('—');
    expect(formatMs(40_000)).toBe('40s');
    expect(formatMs(2 * HOUR + 20_000)).toBe('2h');
    expect(formatMs(2 * HOUR + 5 * 60_000)).toBe('2h 5m');
    expect(formatMs(50 * HOUR)).toBe('50h');
  });

  it('sample values in words', () => {
    expect(formatSampleValue(90_000, 'ms')).toBe('2m');
    expect(formatSampleValue(true, 'rate')).toBe('yes');
    expect(formatSampleValue('beforeAssignment', 'ms')).toBe('replied before assignment');
    expect(formatSampleValue('breached', 'rate')).toBe('breached');
  });
});

describe('duration axis', () => {
  it('ticks at a round step, from 0 past the largest value', () => {
    expect(durationTicks(0)).toEqual([0]);
    expect(durationTicks(2 * HOUR).map(formatMs)).toEqual(['0s', '30m', '1h', '1h 30m', '2h']);
    expect(durationTicks(7 * 60_000).map(formatMs)).toEqual(['0s', '2m', '4m', '6m', '8m']);
    expect(durationTicks(30 * 24 * HOUR)).toHaveLength(6);
  });
});
