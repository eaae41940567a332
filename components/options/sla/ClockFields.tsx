import { useId } from 'react';
import type { Issues } from '../../../lib/options/sla/issues';
import type { PolicyDraft } from '../../../lib/options/sla/policy-draft';
import type { SlaCalendarRecord } from '../../../lib/schema';
import { FieldIssue } from './FieldIssue';

type Props = {
  draft: PolicyDraft;
  calendars: readonly SlaCalendarRecord[];
  issues: Issues;
  onChange: (draft: PolicyDraft, path: string) => void;
};

const PAUSES = [
  { status: 'pending', label: 'Pending (waiting on the customer)' },
  { status: 'snoozed', label: 'Snoozed' },
] as const;

/** Business hours of a calendar or elapsed time, and the statuses that stop the clock. */
export function ClockFields({ draft, calendars, issues, onChange }: Props) {
  const id = useId();
  const issue = issues.get('calendarId');
  const set = (patch: Partial<PolicyDraft>, path: string) => onChange({ ...draft, ...patch }, path);
  return (
    <fieldset data-testid="policy-clock">
      <legend>Clock</legend>
      <div className="radio-row">
        <label>
          <input
            type="radio"
            name={`${id}-clock`}
            checked={draft.clock === 'business'}
            onChange={() => set({ clock: 'business' }, 'calendarId')}
          />
          Business hours
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-clock`}
            checked={draft.clock === 'calendar'}
            onChange={() => set({ clock: 'calendar' }, 'calendarId')}
          />
          Calendar time (around the clock)
        </label>
      </div>
      {draft.clock === 'business' && (
        <>
          <label htmlFor={`${id}-calendar`}>Calendar</label>
          {calendars.length === 0 ? (
            <p className="muted" id={`${id}-calendar`}>
              No calendars yet: create one under Calendars first.
            </p>
          ) : (
            <select
              id={`${id}-calendar`}
              value={draft.calendarId ?? ''}
              onChange={(e) => set({ calendarId: e.target.value || null }, 'calendarId')}
              aria-invalid={Boolean(issue)}
              aria-describedby={issue ? `${id}-calendar-issue` : undefined}
              data-testid="policy-calendar"
            >
              <option value="">Choose a calendar</option>
              {calendars.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.timeZone})
                </option>
              ))}
            </select>
          )}
          <FieldIssue id={`${id}-calendar-issue`} text={issue} />
        </>
      )}
      <fieldset className="plain">
        <legend className="field-label">Pause the clock while</legend>
        {PAUSES.map(({ status, label }) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={draft.pauseWhen.includes(status)}
              onChange={(e) =>
                set(
                  {
                    pauseWhen: e.target.checked
                      ? [...draft.pauseWhen, status]
                      : draft.pauseWhen.filter((s) => s !== status),
                  },
                  'pauseWhen',
                )
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
