import { useId, useState } from 'react';
import { triageLines, triageSteps } from '../../lib/features/copilot-triage';
import type { Conversation } from '../../lib/schema';
import type { CopilotTriageControls } from './use-copilot-triage';

/** Triage suggestions, each with its reason; one Apply makes the changes marked "applies". */
export function CopilotTriage({
  triage,
  conversation,
}: {
  triage: CopilotTriageControls;
  conversation: Conversation;
}) {
  const [close, setClose] = useState(false);
  const closeId = useId();
  const { memory } = triage;
  if (!memory) return null;
  if (memory.phase === 'asking') {
    return (
      <p className="muted" role="status" data-testid="copilot-triage-status">
        Looking at this new conversation…
      </p>
    );
  }
  if (memory.phase === 'failed') {
    return (
      <p className="problem" role="alert" data-testid="copilot-triage-status">
        No triage suggestion: {memory.message}
      </p>
    );
  }
  if (memory.phase === 'closed') {
    return (
      <p className="muted" role="status" data-testid="copilot-triage-status">
        {memory.how === 'applied' ? 'Triage applied.' : ''}
        {triage.problem && <span className="problem"> {triage.problem}</span>}
      </p>
    );
  }
  const { suggestion } = memory;
  const lines = triageLines(suggestion, conversation);
  const changes = triageSteps(suggestion, conversation, { close }).length;
  return (
    <div className="copilot-triage" data-testid="copilot-triage">
      <h3>Suggested triage</h3>
      <ul>
        {lines.map((l) => (
          <li key={l.label} data-testid="triage-line" data-label={l.label}>
            <span className="label">{l.label}</span> <strong>{l.value}</strong>
            {l.applies && <span className="chip">applies</span>}
            <span className="muted reason">{l.reason}</span>
          </li>
        ))}
      </ul>
      {suggestion.close && (
        <label htmlFor={closeId} className="check">
          <input
            id={closeId}
            type="checkbox"
            checked={close}
            onChange={(e) => setClose(e.target.checked)}
            data-testid="triage-close"
          />
          Also close it (only a thank-you)
        </label>
      )}
      {triage.problem && (
        <p className="problem" role="alert">
          {triage.problem}
        </p>
      )}
      <div className="copilot-buttons">
        <button
          type="button"
          className="primary"
          data-testid="triage-apply"
          disabled={changes === 0}
          onClick={() => void triage.apply(close)}
        >
          {changes === 0 ? 'Nothing to apply' : `Apply (${changes})`}
        </button>
        <button type="button" data-testid="triage-dismiss" onClick={triage.dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
