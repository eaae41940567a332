import { type FormEvent, useId, useState } from 'react';
import type { AutomationView } from '../../lib/features/thread-automation';
import type { Run, SidebarActions } from './types';

interface Props {
  view: AutomationView;
  escalate: SidebarActions['escalate'];
  run: Run;
}

/** The owning team and followers; "Escalate" hands the conversation to the next tier. */
export function EscalationSection({ view, escalate, run }: Props) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) return;
    setAsking(false);
    setReason('');
    run(() => escalate(text));
  };
  return (
    <>
      {view.team && (
        <dl className="row">
          <dt className="label">Team</dt>
          <dd data-testid="conversation-team">{view.team}</dd>
        </dl>
      )}
      {view.followers.length > 0 && (
        <dl className="row">
          <dt className="label">Followers</dt>
          <dd data-testid="conversation-followers">{view.followers.join(', ')}</dd>
        </dl>
      )}
      {view.canEscalate && !asking && (
        <div className="actions">
          <button type="button" onClick={() => setAsking(true)} data-testid="escalate-button">
            Escalate…
          </button>
        </div>
      )}
      {asking && (
        <form className="popover" onSubmit={submit} data-testid="escalate-form">
          <label htmlFor={`${id}-reason`}>Why escalate? The next tier reads this.</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={500}
            value={reason}
            // biome-ignore lint/a11y/noAutofocus: the form opens at the agent's request, to type in.
            autoFocus
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setAsking(false);
            }}
            data-testid="escalate-reason"
          />
          <div className="actions">
            <button type="submit" disabled={!reason.trim()} data-testid="escalate-confirm">
              Escalate
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </>
  );
}
