import { useId } from 'react';
import type { Issues } from '../../../lib/options/sla/issues';
import {
  DAY_NAMES,
  normalisedTime,
  removeWindow,
  setWindow,
  type Weekly,
  windowIssue,
} from '../../../lib/options/sla/weekly';
import type { Weekday, WorkingWindow } from '../../../lib/schema';
import { FieldIssue } from './FieldIssue';

type Props = {
  day: Weekday;
  index: number;
  weekly: Weekly;
  issues: Issues;
  onChange: (weekly: Weekly) => void;
};

/** One window: start and end as typed text (so 24:00 can be written), and remove. */
export function WindowInputs({ day, index, weekly, issues, onChange }: Props) {
  const id = useId();
  const hours = weekly[day][index]!;
  const name = `${DAY_NAMES[day]} window ${index + 1}`;
  const issue = windowIssue(issues, day, index);
  const set = (patch: Partial<WorkingWindow>) => onChange(setWindow(weekly, day, index, patch));
  const time = (edge: 'start' | 'end') => (
    <>
      <label htmlFor={`${id}-${edge}`} className="sr-only">
        {name} {edge}
      </label>
      <input
        id={`${id}-${edge}`}
        className="time"
        value={hours[edge]}
        inputMode="numeric"
        placeholder={edge === 'start' ? '09:00' : '17:00'}
        onChange={(e) => set({ [edge]: e.target.value })}
        onBlur={(e) => {
          const typed = normalisedTime(e.target.value);
          if (typed !== hours[edge]) set({ [edge]: typed });
        }}
        aria-invalid={Boolean(issue)}
        aria-describedby={issue ? `${id}-issue` : undefined}
      />
    </>
  );
  return (
    <div className="window" data-testid="window">
      {time('start')}
      <span aria-hidden="true">–</span>
      {time('end')}
      <button
        type="button"
        className="secondary"
        onClick={() => onChange(removeWindow(weekly, day, index))}
      >
        Remove<span className="sr-only"> {name}</span>
      </button>
      <FieldIssue id={`${id}-issue`} text={issue} />
    </div>
  );
}
