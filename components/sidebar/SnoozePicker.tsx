import { type FormEvent, useState } from 'react';
import {
  formatUntil,
  quickPicks,
  snoozeUntil,
  toLocalInput,
} from '../../lib/features/snooze-times';
import type { Run, SidebarActions } from './types';

interface SnoozePickerProps {
  snooze: SidebarActions['snooze'];
  run: Run;
  onClose(): void;
}

/** Asks until when: a few quick picks, or any date and time in the future. */
export function SnoozePicker({ snooze, run, onClose }: SnoozePickerProps) {
  const now = new Date();
  const picks = quickPicks(now);
  const [value, setValue] = useState(toLocalInput(picks[0]?.until ?? now));
  const [invalid, setInvalid] = useState<string | null>(null);
  const choose = (iso: string) => {
    onClose();
    run(() => snooze(iso));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const until = snoozeUntil(value, new Date());
    if (until.ok) choose(until.iso);
    else setInvalid(until.message);
  };
  return (
    <form
      className="popover"
      data-testid="snooze-picker"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <fieldset>
        <legend>Snooze until</legend>
        <div className="quick-picks">
          {picks.map((pick, index) => (
            <button
              key={pick.label}
              type="button"
              // biome-ignore lint/a11y/noAutofocus: the picker opens on the user's own action
              autoFocus={index === 0}
              onClick={() => choose(pick.until.toISOString())}
            >
              {pick.label} · {formatUntil(pick.until.toISOString(), now)}
            </button>
          ))}
        </div>
        <label className="row">
          <span className="label">Date and time</span>
          <input
            type="datetime-local"
            data-testid="snooze-until"
            value={value}
            min={toLocalInput(now)}
            aria-invalid={invalid !== null}
            onChange={(e) => {
              setValue(e.target.value);
              setInvalid(null);
            }}
          />
        </label>
        {invalid && (
          <p className="problem" role="alert">
            {invalid}
          </p>
        )}
        <div className="actions">
          <button type="submit">Snooze</button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}
