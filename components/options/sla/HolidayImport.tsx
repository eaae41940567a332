import { type KeyboardEvent, useId, useState } from 'react';
import { addedHolidays, importRequest } from '../../../lib/options/sla/holidays';
import { withRefusal } from '../../../lib/options/sla/issues';
import type { Holiday, SlaCalendarRecord } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { FieldIssue } from './FieldIssue';
import { useImportHolidays } from './use-calendars';

type Props = {
  /** The stored calendar: the import lands on it, not on the draft. */
  calendar: SlaCalendarRecord;
  onImported: (after: SlaCalendarRecord, added: Holiday[]) => void;
};

const thisYear = new Date().getFullYear();

/** A country's public holidays, expanded by the API for the years asked; shows what it added. */
export function HolidayImport({ calendar, onImported }: Props) {
  const id = useId();
  const [form, setForm] = useState({
    country: calendar.holidayCountry?.country ?? '',
    region: calendar.holidayCountry?.region ?? '',
    years: `${thisYear}, ${thisYear + 1}`,
  });
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [added, setAdded] = useState<Holiday[] | null>(null);
  const run = useImportHolidays(calendar.id);
  const issues = withRefusal(problems, run.error);

  const start = () => {
    const request = importRequest(form);
    setAdded(null);
    if (!request.ok) return setProblems(request.issues);
    setProblems(new Map());
    run.mutate(request.value, {
      onSuccess: (after) => {
        const fresh = addedHolidays(calendar.holidays, after.holidays);
        setAdded(fresh);
        onImported(after, fresh);
      },
    });
  };
  // Inside the calendar's form: Enter imports rather than saving the calendar.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      start();
    }
  };
  const field = (name: keyof typeof form, label: string, placeholder: string) => (
    <div>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
        aria-invalid={Boolean(issues.get(name))}
        aria-describedby={issues.get(name) ? `${id}-${name}-issue` : undefined}
        data-testid={`import-${name}`}
      />
      <FieldIssue id={`${id}-${name}-issue`} text={issues.get(name)} />
    </div>
  );
  return (
    <fieldset data-testid="holiday-import">
      <legend>Import public holidays</legend>
      <p className="muted">
        A country’s public holidays for the years you name are added to the stored calendar at once;
        dates it lists already are kept as they are.
      </p>
      <div className="inline-form">
        {field('country', 'Country code', 'DE')}
        {field('region', 'Region (optional)', 'BY')}
        {field('years', 'Years', '2026, 2027')}
        <button type="button" onClick={start} disabled={run.isPending} data-testid="import-run">
          {run.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
      {issues.size === 0 && <Problem error={run.error} />}
      <div role="status" data-testid="import-result">
        {added &&
          (added.length === 0 ? (
            <p>Nothing new: every date was listed already.</p>
          ) : (
            <>
              <p>
                Added {added.length} holiday{added.length === 1 ? '' : 's'}:
              </p>
              <ul className="imported">
                {added.map((h) => (
                  <li key={h.date}>
                    {h.date} {h.name}
                  </li>
                ))}
              </ul>
            </>
          ))}
      </div>
    </fieldset>
  );
}
