import { type KeyboardEvent, useId, useState } from 'react';
import { addHoliday } from '../../../lib/options/sla/holidays';
import type { Holiday } from '../../../lib/schema';
import { FieldIssue } from './FieldIssue';

type Props = { holidays: readonly Holiday[]; onChange: (holidays: Holiday[]) => void };

/** A date and its name, added to the draft (saved with the calendar). */
export function HolidayAddForm({ holidays, onChange }: Props) {
  const id = useId();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const added = addHoliday(holidays, date, name);
    if (!added.ok) return setProblem(added.message);
    onChange(added.value);
    setDate('');
    setName('');
    setProblem(null);
  };
  // Inside the calendar's form: Enter adds the holiday rather than saving the calendar.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  const described = problem ? `${id}-issue` : undefined;
  return (
    <div className="inline-form" data-testid="holiday-add">
      <div>
        <label htmlFor={`${id}-date`}>Holiday date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={described}
        />
      </div>
      <div>
        <label htmlFor={`${id}-name`}>Holiday name</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Company offsite"
          aria-describedby={described}
        />
      </div>
      <button type="button" className="secondary" onClick={add}>
        Add holiday
      </button>
      <FieldIssue id={`${id}-issue`} text={problem ?? undefined} />
    </div>
  );
}
