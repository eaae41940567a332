import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../schema';
import { zonedInstant } from '../../sla';
import { newPolicyDraft, type PolicyDraft } from './policy-draft';
import { fridayArrival, previewOf } from './preview';

const split = [
  { start: '09:00', end: '12:30' },
  { start: '13:30', end: '18:00' },
];
const berlin = BusinessCalendar.parse({
  id: '6f0f7c8e-3a1b-4c55-9d2e-1a2b3c4d5e6f',
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  alwaysOpen: false,
  weekly: { mon: split, tue: split, wed: split, thu: split, fri: split, sat: [], sun: [] },
  holidays: [
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-26', name: 'Boxing Day' },
  ],
  holidayCountry: { country: 'DE', region: null },
});

const p1 = (patch: Partial<PolicyDraft> = {}): PolicyDraft => ({
  ...newPolicyDraft(berlin.id),
  name: 'P1',
  targets: {
    firstResponse: { hours: '', minutes: '30' },
    nextResponse: { hours: '2', minutes: '' },
    resolution: { hours: '8', minutes: '0' },
  },
  ...patch,
});

const texts = (draft: PolicyDraft, arrival: string) =>
  previewOf({ draft, calendars: [berlin], arrival, localZone: 'America/New_York' }).lines.map(
    (l) => `${l.label}: ${l.text}`,
  );

describe('the policy preview', () => {
  it('defaults to Friday 17:50 of the current week in the zone', () => {
    const at = (zone: string, text: string) => zonedInstant(zone, text);
    expect(fridayArrival('Europe/Berlin', at('Europe/Berlin', '2026-03-04T12:00'))).toBe(
      '2026-03-06T17:50',
    );
    // Sunday still belongs to the week that began on Monday.
    expect(fridayArrival('Europe/Berlin', at('Europe/Berlin', '2026-03-08T23:59'))).toBe(
      '2026-03-06T17:50',
    );
    // 00:30 Monday in Berlin is still Sunday in New York.
    const mondayBerlin = at('Europe/Berlin', '2026-03-09T00:30');
    expect(fridayArrival('Europe/Berlin', mondayBerlin)).toBe('2026-03-13T17:50');
    expect(fridayArrival('America/New_York', mondayBerlin)).toBe('2026-03-06T17:50');
  });

  it('says when each target is due across the weekend and the lunch break', () => {
    // FR: 10 min Friday, 20 from Monday 09:00. NR: 10 + 110. RES: 10 + 210 before lunch + 260.
    expect(texts(p1(), '2026-01-09T17:50')).toEqual([
      'First response: a P1 email arriving Friday 17:50 is due Monday 09:20',
      'Next response: a P1 email arriving Friday 17:50 is due Monday 10:50',
      'Resolution: a P1 email arriving Friday 17:50 is due Monday 17:50',
    ]);
  });

  it('skips the calendar’s holidays', () => {
    // Thursday 24 Dec: 10 min, Friday 25 closed, weekend, Monday 28 from 09:00.
    expect(texts(p1(), '2026-12-24T17:50')[0]).toBe(
      'First response: a P1 email arriving Thursday 17:50 is due Monday 09:20',
    );
  });

  it('counts real time for a calendar-time policy, in the browser’s zone', () => {
    const preview = previewOf({
      draft: p1({ clock: 'calendar', calendarId: null, name: '' }),
      calendars: [berlin],
      arrival: '2026-01-09T17:50',
      localZone: 'America/New_York',
    });
    expect(preview.zone).toBe('America/New_York');
    expect(preview.lines[0]?.text).toBe(
      'a matching email arriving Friday 17:50 is due Friday 18:20',
    );
  });

  it('leaves out missing targets and explains what it cannot show', () => {
    const none = { hours: '', minutes: '' };
    const onlyFr = p1({
      targets: {
        firstResponse: { hours: '', minutes: '30' },
        nextResponse: none,
        resolution: { hours: 'x', minutes: '' },
      },
    });
    expect(texts(onlyFr, '2026-01-09T17:50')).toEqual([
      'First response: a P1 email arriving Friday 17:50 is due Monday 09:20',
      'Resolution: Whole hours, and minutes from 0 to 59',
    ]);
    const noTargets = p1({
      targets: { firstResponse: none, nextResponse: none, resolution: none },
    });
    const at = { calendars: [berlin], arrival: '2026-01-09T17:50', localZone: 'UTC' };
    expect(previewOf({ ...at, draft: noTargets }).note).toBe(
      'Set a target to see when it would be due.',
    );
    expect(previewOf({ ...at, draft: p1({ calendarId: null }) }).note).toBe(
      'Choose a calendar to see when targets would be due.',
    );
    expect(previewOf({ ...at, draft: p1(), arrival: '' }).note).toBe(
      'Choose when the email arrives.',
    );
    const huge = p1({
      targets: {
        firstResponse: { hours: '99999999', minutes: '' },
        nextResponse: none,
        resolution: none,
      },
    });
    expect(previewOf({ ...at, draft: huge }).lines[0]).toMatchObject({
      ok: false,
      text: 'At most 527040 minutes',
    });
  });
});
