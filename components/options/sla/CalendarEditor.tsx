import { type FormEvent, useId, useState } from 'react';
import {
  type CalendarDraft,
  calendarDraftOf,
  calendarPatch,
  checkCalendar,
  newCalendarDraft,
} from '../../../lib/options/sla/calendar-draft';
import { withImported } from '../../../lib/options/sla/holidays';
import { shownIssues, withRefusal } from '../../../lib/options/sla/issues';
import { currentOf } from '../../../lib/options/sla/stale';
import { browserTimeZone } from '../../../lib/options/sla/time-zones';
import { SlaCalendarRecord } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { DeleteCalendarDialog } from './DeleteCalendarDialog';
import { FieldIssue } from './FieldIssue';
import { HolidayImport } from './HolidayImport';
import { HolidayList } from './HolidayList';
import { StaleNotice } from './StaleNotice';
import { TimeZoneField } from './TimeZoneField';
import { useCreateCalendar, useUpdateCalendar } from './use-calendars';
import { useRecordDraft } from './use-record-draft';
import { WeeklyEditor } from './WeeklyEditor';

type Props = {
  /** null: a new calendar. */
  calendar: SlaCalendarRecord | null;
  editable: boolean;
  onSelect: (id: string | null) => void;
};

const fresh = () => newCalendarDraft(browserTimeZone());

export function CalendarEditor({ calendar, editable, onSelect }: Props) {
  const id = useId();
  const form = useRecordDraft({ record: calendar, fresh, draftOf: calendarDraftOf });
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { base, draft } = form;
  const checked = checkCalendar(draft, base?.id);
  const issues = withRefusal(shownIssues(checked.issues, form.touched, form.attempted), error);
  const busy = create.isPending || update.isPending;
  const set = <K extends keyof CalendarDraft>(
    field: K,
    value: CalendarDraft[K],
    ...also: string[]
  ) => {
    form.edit({ ...draft, [field]: value }, field, ...also);
    setSaved(false);
  };

  const failed = (e: unknown) => {
    const current = currentOf(e, SlaCalendarRecord);
    if (current) form.reload(current);
    else setError(e);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    form.attempt();
    setError(null);
    if (!checked.value) return;
    if (!base) {
      create.mutate(checked.value, { onSuccess: (made) => onSelect(made.id), onError: failed });
      return;
    }
    const patch = calendarPatch(base, checked.value);
    if (!patch) return;
    update.mutate(
      { id: base.id, patch, shown: { ...base, ...checked.value } },
      {
        onSuccess: (after) => {
          form.adopt(after);
          setSaved(true);
        },
        onError: failed,
      },
    );
  };

  return (
    <section
      className="card sla-editor"
      aria-labelledby={`${id}-title`}
      data-testid="calendar-editor"
    >
      <h4 id={`${id}-title`}>{base ? `Calendar “${base.name}”` : 'New calendar'}</h4>
      {form.stale && <StaleNotice what="calendar" onReapply={form.reapply} />}
      <form onSubmit={save} noValidate>
        <fieldset className="plain" disabled={!editable}>
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            aria-invalid={Boolean(issues.get('name'))}
            aria-describedby={issues.get('name') ? `${id}-name-issue` : undefined}
            placeholder="Berlin office"
            data-testid="calendar-name"
          />
          <FieldIssue id={`${id}-name-issue`} text={issues.get('name')} />
          <TimeZoneField
            value={draft.timeZone}
            onChange={(zone) => set('timeZone', zone)}
            issue={issues.get('timeZone')}
          />
          <label className="check" htmlFor={`${id}-always`}>
            <input
              id={`${id}-always`}
              type="checkbox"
              role="switch"
              aria-checked={draft.alwaysOpen}
              checked={draft.alwaysOpen}
              onChange={(e) => set('alwaysOpen', e.target.checked, '')}
              data-testid="calendar-always-open"
            />
            Open 24/7 (holidays still close)
          </label>
          {draft.alwaysOpen ? (
            <p className="muted">
              The weekly hours are kept but not used while the calendar is open around the clock.
            </p>
          ) : (
            <WeeklyEditor
              weekly={draft.weekly}
              issues={issues}
              onChange={(weekly) => set('weekly', weekly, '')}
            />
          )}
          <FieldIssue id={`${id}-issue`} text={issues.get('')} />
          <HolidayList
            holidays={draft.holidays}
            country={draft.holidayCountry}
            issue={issues.get('holidays')}
            onChange={(holidays) => set('holidays', holidays)}
          />
          {base ? (
            <HolidayImport
              calendar={base}
              onImported={(after, added) =>
                form.rebase(after, withImported(draft, added, after.holidayCountry))
              }
            />
          ) : (
            <p className="muted">
              Save the calendar first, then import a country’s public holidays.
            </p>
          )}
        </fieldset>
        <Problem error={error} />
        {editable && (
          <div className="row actions-row">
            <button type="submit" disabled={busy || !form.dirty} data-testid="calendar-save">
              {busy ? 'Saving…' : base ? 'Save calendar' : 'Create calendar'}
            </button>
            {base && (
              <button type="button" className="secondary" onClick={() => setDeleting(true)}>
                Delete calendar
              </button>
            )}
            <span className="muted" role="status">
              {saved && !form.dirty ? 'Saved.' : ''}
            </span>
          </div>
        )}
      </form>
      {base && (
        <DeleteCalendarDialog
          calendar={base}
          open={deleting}
          onClose={() => setDeleting(false)}
          onDeleted={() => onSelect(null)}
        />
      )}
    </section>
  );
}
