import { describe, expect, it } from 'vitest';
import { conditionsText, targetsText } from './policy-summary';

const none = { priorities: [], tags: [], mailboxes: [], customerDomains: [], segments: [] };
const office = { id: '6f0f7c8e-3a1b-4c55-9d2e-1a2b3c4d5e6f', name: 'Berlin office' };

describe('policy summaries', () => {
  it('list the conditions, or say it matches everything', () => {
    expect(conditionsText({ conditions: none })).toBe('every conversation');
    expect(
      conditionsText({
        conditions: {
          ...none,
          priorities: ['urgent', 'high'],
          tags: ['outage'],
          customerDomains: ['acme.com'],
        },
      }),
    ).toBe('urgent, high · tag outage · acme.com');
  });

  it('list the targets and the clock', () => {
    expect(
      targetsText(
        {
          targets: { firstResponse: 30, resolution: 495 },
          clock: 'business',
          calendarId: office.id,
        },
        [office],
      ),
    ).toBe('FR 30m · RES 8h 15m, business hours (Berlin office)');
    expect(targetsText({ targets: {}, clock: 'calendar', calendarId: null }, [office])).toBe(
      'no targets, calendar time',
    );
  });
});
