import { useId } from 'react';
import type { Issues } from '../../../lib/options/sla/issues';
import { addWindow, DAY_NAMES, type Weekly } from '../../../lib/options/sla/weekly';
import type { Weekday } from '../../../lib/schema';
import { FieldIssue } from './FieldIssue';
import { WindowInputs } from './WindowInputs';

type Props = { day: Weekday; weekly: Weekly; issues: Issues; onChange: (weekly: Weekly) => void };

/** One weekday's row: its windows, and a problem of the day as a whole (overlap). */
export function DayWindows({ day, weekly, issues, onChange }: Props) {
  const id = useId();
  const windows = weekly[day];
  const dayIssue = issues.get(`weekly.${day}`);
  return (
    <tr data-testid="day-row" data-day={day}>
      <th scope="row">{DAY_NAMES[day]}</th>
      <td>
        {windows.length === 0 && <span className="muted">Closed</span>}
        {windows.map((_, index) => (
          <WindowInputs
            // Windows have no identity of their own: a window is its place in the day.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            day={day}
            index={index}
            weekly={weekly}
            issues={issues}
            onChange={onChange}
          />
        ))}
        <FieldIssue id={`${id}-issue`} text={dayIssue} />
      </td>
      <td>
        <button
          type="button"
          className="secondary"
          onClick={() => onChange(addWindow(weekly, day))}
        >
          Add window<span className="sr-only"> on {DAY_NAMES[day]}</span>
        </button>
      </td>
    </tr>
  );
}
