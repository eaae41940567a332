import { type KeyboardEvent, useId, useState } from 'react';
import { parseMailbox } from '../../../lib/options/settings/settings';

type Props = {
  mailboxes: readonly string[];
  onChange: (mailboxes: string[]) => void;
  /** The API's word on the list, if it refused it. */
  refused: string | undefined;
};

/** The shared addresses the workspace covers: add (validated) and remove. */
export function MailboxList({ mailboxes, onChange, refused }: Props) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const add = () => {
    const parsed = parseMailbox(text, mailboxes);
    if (!parsed.ok) return setProblem(parsed.message);
    onChange([...mailboxes, parsed.value]);
    setText('');
    setProblem(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  const message = problem ?? refused;
  return (
    <fieldset data-testid="mailboxes">
      <legend>Shared mailboxes</legend>
      {mailboxes.length === 0 ? (
        <p className="muted">
          No shared mailbox yet: the workspace covers no address in particular.
        </p>
      ) : (
        <ul className="chips" aria-label="Shared mailboxes">
          {mailboxes.map((m) => (
            <li key={m} data-testid="mailbox">
              {m}
              <button
                type="button"
                className="secondary"
                onClick={() => onChange(mailboxes.filter((x) => x !== m))}
              >
                Remove<span className="sr-only"> {m}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <div>
          <label htmlFor={inputId}>Add a mailbox</label>
          <input
            id={inputId}
            type="email"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            aria-invalid={Boolean(message)}
            aria-describedby={message ? errorId : undefined}
            placeholder="support@example.com"
            data-testid="mailbox-input"
          />
        </div>
        <button type="button" className="secondary" onClick={add} data-testid="add-mailbox">
          Add
        </button>
      </div>
      {message && (
        <p className="error" id={errorId}>
          {message}
        </p>
      )}
    </fieldset>
  );
}
