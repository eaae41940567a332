import { removeHoliday } from '../../../lib/options/sla/holidays';
import type { Holiday, SlaCalendarRecord } from '../../../lib/schema';
import { HolidayAddForm } from './HolidayAddForm';

type Props = {
  holidays: readonly Holiday[];
  country: SlaCalendarRecord['holidayCountry'];
  issue: string | undefined;
  onChange: (holidays: Holiday[]) => void;
};

const weekday = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });

/** Whole local days the calendar is closed, added by hand or imported for a country. */
export function HolidayList({ holidays, country, issue, onChange }: Props) {
  return (
    <fieldset data-testid="holidays">
      <legend>Holidays</legend>
      <p className="muted">
        Whole days closed, in the calendar’s zone.
        {country &&
          ` Public holidays were imported for ${[country.country, country.region].filter(Boolean).join('-')}.`}
      </p>
      {holidays.length === 0 ? (
        <p className="muted">No holidays.</p>
      ) : (
        <table className="data-table holidays">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Holiday</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => (
              <tr key={h.date} data-testid="holiday-row">
                <td>
                  {h.date} <span className="muted">{weekday(h.date)}</span>
                </td>
                <td>{h.name}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => onChange(removeHoliday(holidays, h.date))}
                  >
                    Remove
                    <span className="sr-only">
                      {' '}
                      {h.name} on {h.date}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {issue && <p className="error">{issue}</p>}
      <HolidayAddForm holidays={holidays} onChange={onChange} />
    </fieldset>
  );
}
