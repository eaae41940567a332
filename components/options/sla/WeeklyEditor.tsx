import type { Issues } from '../../../lib/options/sla/issues';
import { copyMondayToWeekdays, WEEK, type Weekly } from '../../../lib/options/sla/weekly';
import { DayWindows } from './DayWindows';

type Props = { weekly: Weekly; issues: Issues; onChange: (weekly: Weekly) => void };

/** Working windows per weekday: several a day for split shifts and lunch breaks. */
export function WeeklyEditor({ weekly, issues, onChange }: Props) {
  return (
    <fieldset data-testid="weekly-editor">
      <legend>Working hours</legend>
      <p className="muted">
        Local times in the calendar’s zone as HH:MM; an end of 24:00 is midnight. Several windows in
        a day make a split shift; a shift past midnight is two windows, one on each day.
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() => onChange(copyMondayToWeekdays(weekly))}
      >
        Copy Monday to Tuesday–Friday
      </button>
      <table className="data-table weekly">
        <tbody>
          {WEEK.map((day) => (
            <DayWindows key={day} day={day} weekly={weekly} issues={issues} onChange={onChange} />
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
