import { describe, expect, it } from 'vitest';
import type { RuleCondition } from '../../lib/schema';
import { berlinOffice } from '../../lib/sla/test-fixtures';
import { conversation } from '../../lib/testing/records';
import { teamOf } from '../domain/sla-subject';
import { allHold, holds, senderOf } from './conditions';

const team = teamOf(['ana@acme.test'], ['support@acme.test']);
const calendar = berlinOffice;
const CAL = '00000000-0000-4000-8000-0000000000ca';
const subject = (patch: Parameters<typeof conversation>[1] = {}, now = '2026-11-30T10:00:00Z') => ({
  conversation: conversation('c1', {
    subject: 'Refund for ORDER 42',
    participants: [
      { email: 'support@acme.test', name: null },
      { email: 'jo@shop.example.com', name: 'Jo' },
    ],
    lastMessageFrom: 'ana@acme.test',
    tags: ['Billing', 'vip'],
    ...patch,
  }),
  team,
  calendars: new Map([[CAL, calendar]]),
  now: new Date(now),
});

const withSubject = (text: string) => subject({ subject: text });

describe('rule conditions', () => {
  it('reads the customer as the newest outside sender, else the first outsider', () => {
    expect(senderOf(subject().conversation, team)).toBe('jo@shop.example.com');
    expect(senderOf(subject({ lastMessageFrom: 'kim@else.test' }).conversation, team)).toBe(
      'kim@else.test',
    );
    expect(
      senderOf(subject({ participants: [], lastMessageFrom: null }).conversation, team),
    ).toBeNull();
  });

  it.each<[RuleCondition, boolean]>([
    [{ field: 'sender', op: 'in', values: ['jo@shop.example.com'] }, true],
    [{ field: 'sender', op: 'notIn', values: ['jo@shop.example.com'] }, false],
    [{ field: 'senderDomain', op: 'in', values: ['example.com'] }, true],
    [{ field: 'senderDomain', op: 'in', values: ['ample.com'] }, false],
    [{ field: 'subject', op: 'containsAny', values: ['order 42', 'nothing'] }, true],
    [{ field: 'subject', op: 'containsNone', values: ['refund'] }, false],
    [{ field: 'tags', op: 'hasAny', values: ['billing'] }, true],
    [{ field: 'tags', op: 'hasAll', values: ['billing', 'vip'] }, true],
    [{ field: 'tags', op: 'hasAll', values: ['billing', 'urgent'] }, false],
    [{ field: 'tags', op: 'hasNone', values: ['vip'] }, false],
    [{ field: 'priority', op: 'in', values: ['normal'] }, true],
    [{ field: 'status', op: 'notIn', values: ['closed'] }, true],
    [{ field: 'mailbox', op: 'in', values: ['support@example.com'] }, true],
    [{ field: 'mailbox', op: 'notIn', values: ['support@acme.test'] }, false],
    [{ field: 'assignee', op: 'unassigned' }, true],
    [{ field: 'team', op: 'in', values: ['00000000-0000-4000-8000-0000000000aa'] }, false],
    [{ field: 'team', op: 'notIn', values: ['00000000-0000-4000-8000-0000000000aa'] }, true],
    [{ field: 'time', op: 'inBusinessHours', calendarId: CAL }, true],
    [{ field: 'triage', op: 'in', values: ['billing', 'cancellation'] }, true],
    [{ field: 'triage', op: 'notIn', values: ['billing'] }, false],
  ])('%j holds: %s', (condition, expected) => {
    expect(holds(condition, subject())).toBe(expected);
  });

  it('tells business hours in the calendar zone, and a missing calendar never matches', () => {
    const inside = { field: 'time', op: 'inBusinessHours', calendarId: CAL } as const;
    const outside = { ...inside, op: 'outsideBusinessHours' } as const;
    // 17:30 in Berlin on a Monday; then Saturday noon.
    expect(holds(inside, subject({}, '2026-11-30T16:30:00Z'))).toBe(false);
    expect(holds(outside, subject({}, '2026-11-30T16:30:00Z'))).toBe(true);
    expect(holds(outside, subject({}, '2026-12-05T11:00:00Z'))).toBe(true);
    const gone = { ...inside, calendarId: '00000000-0000-4000-8000-0000000000ff' };
    expect(holds(gone, subject())).toBe(false);
    expect(holds({ ...gone, op: 'outsideBusinessHours' }, subject())).toBe(false);
  });

  it('reads the triage intent from the subject alone, as the offline copilot would', () => {
    const intent = (text: string) =>
      (['login', 'outage', 'how-to'] as const).find((value) =>
        holds({ field: 'triage', op: 'in', values: [value] }, withSubject(text)),
      );
    expect(intent('Re: Fwd: cannot log in since this morning')).toBe('login');
    expect(intent('Hello there')).toBe('how-to');
  });

  it('needs every condition, and none means always', () => {
    expect(allHold([], subject())).toBe(true);
    expect(
      allHold(
        [
          { field: 'priority', op: 'in', values: ['normal'] },
          { field: 'assignee', op: 'assigned' },
        ],
        subject(),
      ),
    ).toBe(false);
  });
});
