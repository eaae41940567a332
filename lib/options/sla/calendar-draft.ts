import type { z } from 'zod';
import { BusinessCalendar, type SlaCalendarRecord, type UpdateSlaCalendar } from '../../schema';
import { type Checked, issuesOf, NO_ISSUES, plainWords } from './issues';
import { sameValue } from './same';
import { officeWeek } from './weekly';

/** What the calendar editor edits: a calendar without its id and version. */
export type CalendarDraft = Omit<SlaCalendarRecord, 'id' | 'version'>;

/** Stands in for a new record's id, so a draft is held to the record's own schema. */
export const UNSAVED_ID = '00000000-0000-4000-8000-000000000000';

export const newCalendarDraft = (timeZone: string): CalendarDraft => ({
  name: '',
  timeZone,
  alwaysOpen: false,
  weekly: officeWeek(),
  holidays: [],
  holidayCountry: null,
});

export function calendarDraftOf(record: SlaCalendarRecord): CalendarDraft {
  const { id: _id, version: _version, ...draft } = record;
  return draft;
}

/**
 * The draft checked with `BusinessCalendar`, the schema the API holds the stored record
 * to, so its messages ("windows of one day must not overlap") show at the field first.
 */
export function checkCalendar(draft: CalendarDraft, id = UNSAVED_ID): Checked<CalendarDraft> {
  const parsed = BusinessCalendar.safeParse({ ...draft, id }, { error: plainWords });
  if (!parsed.success) return { value: null, issues: issuesOf(parsed.error) };
  const { id: _id, ...value } = parsed.data;
  return { value, issues: NO_ISSUES };
}

/** `PATCH /v1/sla/calendars/:id`: the fields that changed, from the version edited; null if none. */
export function calendarPatch(
  before: SlaCalendarRecord,
  after: CalendarDraft,
): z.input<typeof UpdateSlaCalendar> | null {
  const changed = (Object.keys(after) as (keyof CalendarDraft)[]).filter(
    (field) => !sameValue(before[field], after[field]),
  );
  if (changed.length === 0) return null;
  return {
    ...Object.fromEntries(changed.map((field) => [field, after[field]])),
    expectedVersion: before.version,
  };
}
