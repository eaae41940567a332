import { describe, expect, it } from 'vitest';
import type { SlaCalendarRecord } from '../../schema';
import { calendarDraftOf, calendarPatch, checkCalendar, newCalendarDraft } from './calendar-draft';

const draft = () => ({ ...newCalendarDraft('Europe/Berlin'), name: 'Berlin office' });

describe('calendar drafts', () => {
  it('pass as the API would store them, the name trimmed', () => {
    const checked = checkCalendar({ ...draft(), name: '  Berlin office ' });
    expect(checked.issues.size).toBe(0);
    expect(checked.value).toMatchObject({ name: 'Berlin office', timeZone: 'Europe/Berlin' });
    expect(checked.value).not.toHaveProperty('id');
  });

  it('put the schema’s messages at the field they concern', () => {
    const d = draft();
    const checked = checkCalendar({
      ...d,
      name: '',
      timeZone: 'Mars/Olympus',
      weekly: {
        ...d.weekly,
        mon: [
          { start: '09:00', end: '12:30' },
          { start: '12:00', end: '18:00' },
        ],
        tue: [{ start: '9:00', end: '17:00' }],
        wed: [{ start: '17:00', end: '09:00' }],
      },
      holidays: [
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2026-12-25', name: 'Again' },
      ],
    });
    expect(checked.value).toBeNull();
    expect(Object.fromEntries(checked.issues)).toEqual({
      name: 'Required',
      timeZone: 'unknown time zone',
      'weekly.mon': 'windows of one day must not overlap',
      'weekly.tue.0.start': 'expected HH:MM',
      // zod checks the window too; the editor shows the field's message first (windowIssue).
      'weekly.tue.0': 'a window must end after it starts',
      'weekly.wed.0': 'a window must end after it starts',
      holidays: 'one entry per date',
    });
  });

  it('need a working window unless open around the clock', () => {
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(Object.fromEntries(checkCalendar({ ...draft(), weekly: closed }).issues)).toEqual({
      '': 'a calendar needs at least one working window',
    });
    expect(checkCalendar({ ...draft(), weekly: closed, alwaysOpen: true }).issues.size).toBe(0);
  });

  it('patch only what changed, from the version edited', () => {
    const stored: SlaCalendarRecord = {
      id: '6f0f7c8e-3a1b-4c55-9d2e-1a2b3c4d5e6f',
      version: 12,
      ...draft(),
      holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
    };
    const same = calendarDraftOf(stored);
    // The API's JSON store gives keys back in its own order: not a change.
    const reordered = {
      ...same,
      weekly: { ...same.weekly, mon: [{ end: '17:00', start: '09:00' }] },
    };
    expect(calendarPatch(stored, reordered)).toBeNull();
    expect(
      calendarPatch(stored, {
        ...same,
        name: 'Berlin',
        weekly: { ...same.weekly, sat: [{ start: '10:00', end: '14:00' }] },
      }),
    ).toEqual({
      name: 'Berlin',
      weekly: { ...same.weekly, sat: [{ start: '10:00', end: '14:00' }] },
      expectedVersion: 12,
    });
  });
});
