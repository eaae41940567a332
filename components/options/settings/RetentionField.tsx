import { useId } from 'react';
import { MIN_RETENTION_DAYS } from '../../../lib/options/settings/settings';

type Props = {
  keepForever: boolean;
  days: string;
  onChange: (next: { keepForever: boolean; days: string }) => void;
  problem: string | undefined;
};

export function RetentionField({ keepForever, days, onChange, problem }: Props) {
  const forever = useId();
  const daysId = useId();
  const errorId = useId();
  return (
    <fieldset data-testid="retention">
      <legend>Data retention</legend>
      <label htmlFor={forever} className="check">
        <input
          id={forever}
          type="checkbox"
          checked={keepForever}
          onChange={(e) => onChange({ keepForever: e.target.checked, days })}
          data-testid="keep-forever"
        />
        Keep closed conversations forever
      </label>
      {!keepForever && (
        <>
          <label htmlFor={daysId}>
            Purge closed conversations after (days, at least {MIN_RETENTION_DAYS})
          </label>
          <input
            id={daysId}
            type="number"
            min={MIN_RETENTION_DAYS}
            step={1}
            value={days}
            onChange={(e) => onChange({ keepForever, days: e.target.value })}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? errorId : undefined}
            className="short"
            data-testid="retention-days"
          />
        </>
      )}
      {problem && (
        <p className="error" id={errorId}>
          {problem}
        </p>
      )}
    </fieldset>
  );
}
