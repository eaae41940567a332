import { useId } from 'react';
import type { CopilotDraft } from '../../../lib/options/copilot/copilot';

type Props = {
  keySet: boolean;
  value: CopilotDraft['key'];
  onChange: (next: CopilotDraft['key']) => void;
  problem: string | undefined;
};

/** The provider's key is write-only: the page says whether one is set, never what it is. */
export function ApiKeyField({ keySet, value, onChange, problem }: Props) {
  const inputId = useId();
  const errorId = useId();
  const stateText =
    value.action === 'clear'
      ? 'The key will be removed when you save.'
      : keySet
        ? 'Key set. It is never shown again; replace or clear it.'
        : 'No key set.';
  return (
    <fieldset data-testid="copilot-key">
      <legend>API key</legend>
      <p className="muted" data-testid="copilot-key-state">
        {stateText}
      </p>
      {value.action === 'replace' ? (
        <>
          <label htmlFor={inputId}>{keySet ? 'New key' : 'Key'}</label>
          <input
            id={inputId}
            type="password"
            autoComplete="off"
            value={value.apiKey}
            onChange={(e) => onChange({ action: 'replace', apiKey: e.target.value })}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? errorId : undefined}
            data-testid="copilot-key-input"
          />
          {problem && (
            <p className="error" id={errorId}>
              {problem}
            </p>
          )}
          <button type="button" className="secondary" onClick={() => onChange({ action: 'keep' })}>
            {keySet ? 'Keep the current key' : 'Cancel'}
          </button>
        </>
      ) : (
        <div className="inline-form">
          <button
            type="button"
            className="secondary"
            onClick={() => onChange({ action: 'replace', apiKey: '' })}
            data-testid="copilot-key-replace"
          >
            {keySet ? 'Replace key' : 'Set a key'}
          </button>
          {keySet && value.action === 'keep' && (
            <button
              type="button"
              className="secondary"
              onClick={() => onChange({ action: 'clear' })}
              data-testid="copilot-key-clear"
            >
              Clear key
            </button>
          )}
          {value.action === 'clear' && (
            <button
              type="button"
              className="secondary"
              onClick={() => onChange({ action: 'keep' })}
            >
              Keep the key
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
