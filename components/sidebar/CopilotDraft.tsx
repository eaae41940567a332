import { useId } from 'react';
import { errorText, isBusy } from '../../lib/features/copilot-draft';
import { CopilotPrompt } from './CopilotPrompt';
import { CopilotSources } from './CopilotSources';
import type { CopilotDraftControls } from './use-copilot-draft';

const STATUS: Record<string, string> = {
  reading: 'Reading the thread…',
  streaming: 'Writing…',
  done: '',
  inserted: 'Inserted into your reply. Nothing was sent: review it there and send it yourself.',
};

/** The draft (or summary) as it streams; the agent edits it, inserts it or discards it. */
export function CopilotDraft({ draft }: { draft: CopilotDraftControls }) {
  const { state } = draft;
  const textId = useId();
  const busy = isBusy(state);
  if (state.phase === 'idle' || !state.task) return null;
  const isDraft = state.task === 'draft';
  return (
    <div className="copilot-draft" data-testid="copilot-draft" data-phase={state.phase}>
      <label htmlFor={textId} className="label">
        {isDraft ? 'Draft reply (edit it freely)' : 'Summary'}
      </label>
      <textarea
        id={textId}
        data-testid="copilot-text"
        rows={isDraft ? 8 : 6}
        value={state.text}
        aria-busy={busy}
        readOnly={state.phase === 'inserted'}
        onChange={(e) => draft.edit(e.target.value)}
      />
      <p className="muted" role="status" data-testid="copilot-status">
        {STATUS[state.phase] ?? ''}
      </p>
      {state.unread > 0 && (
        <p className="muted" data-testid="copilot-unread">
          {state.unread === 1 ? '1 message is' : `${state.unread} messages are`} collapsed on the
          page, so only the sender and date were read. Expand them and ask again to include them.
        </p>
      )}
      {state.error && (
        <p className="problem" role="alert" data-testid="copilot-error">
          {errorText(state.error)}
          {state.text.trim() && ' Your text is kept.'}
        </p>
      )}
      {draft.problem && (
        <p className="problem" role="alert" data-testid="copilot-problem">
          {draft.problem}
        </p>
      )}
      <div className="copilot-buttons">
        {busy && (
          <button type="button" data-testid="copilot-stop" onClick={draft.stop}>
            Stop
          </button>
        )}
        {state.phase === 'failed' && (
          <button
            type="button"
            data-testid="copilot-retry"
            onClick={() => draft.ask(state.task ?? 'draft')}
          >
            Retry
          </button>
        )}
        {isDraft && !busy && state.phase !== 'inserted' && state.text.trim() && (
          <button
            type="button"
            className="primary"
            data-testid="copilot-insert"
            onClick={() => void draft.insert()}
          >
            Insert into reply
          </button>
        )}
        {!busy && (
          <button type="button" data-testid="copilot-discard" onClick={draft.discard}>
            {state.phase === 'inserted' || !isDraft ? 'Close' : 'Discard'}
          </button>
        )}
      </div>
      <CopilotSources sources={state.sources} />
      <CopilotPrompt prompt={state.prompt} />
    </div>
  );
}
