import { weekSummary } from '../../../lib/options/sla/weekly';
import type { SlaCalendarRecord } from '../../../lib/schema';

type Props = {
  calendars: readonly SlaCalendarRecord[];
  selectedId: string | null;
  onSelect: (id: string) => void;
};

export function CalendarTable({ calendars, selectedId, onSelect }: Props) {
  return (
    <table className="data-table" data-testid="calendar-table">
      <thead>
        <tr>
          <th scope="col">Calendar</th>
          <th scope="col">Time zone</th>
          <th scope="col">Working hours</th>
          <th scope="col">Holidays</th>
        </tr>
      </thead>
      <tbody>
        {calendars.map((c) => (
          <tr key={c.id} data-testid="calendar-row" data-name={c.name}>
            <td>
              <button
                type="button"
                className="link"
                aria-current={c.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(c.id)}
              >
                {c.name}
              </button>
            </td>
            <td>{c.timeZone}</td>
            <td>{weekSummary(c)}</td>
            <td>
              {c.holidays.length}
              {c.holidayCountry && (
                <span className="muted">
                  {' '}
                  ({[c.holidayCountry.country, c.holidayCountry.region].filter(Boolean).join('-')})
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
