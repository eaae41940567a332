import { useId, useMemo } from 'react';
import { timeZoneNames } from '../../../lib/options/sla/time-zones';
import { FieldIssue } from './FieldIssue';

type Props = { value: string; onChange: (zone: string) => void; issue: string | undefined };

/** An IANA zone, searched as typed among those this browser knows. */
export function TimeZoneField({ value, onChange, issue }: Props) {
  const id = useId();
  const zones = useMemo(timeZoneNames, []);
  return (
    <>
      <label htmlFor={`${id}-zone`}>Time zone</label>
      <input
        id={`${id}-zone`}
        list={`${id}-zones`}
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={Boolean(issue)}
        aria-describedby={`${id}-hint${issue ? ` ${id}-issue` : ''}`}
        data-testid="calendar-zone"
      />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <p className="muted hint" id={`${id}-hint`}>
        Type to search: a city such as Berlin or New_York, or UTC.
      </p>
      <FieldIssue id={`${id}-issue`} text={issue} />
    </>
  );
}
