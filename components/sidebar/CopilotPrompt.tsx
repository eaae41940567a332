import type { DraftState } from '../../lib/features/copilot-draft';

/** "View prompt": exactly the messages sent to the provider, or that nothing left the browser. */
export function CopilotPrompt({ prompt }: { prompt: DraftState['prompt'] }) {
  if (!prompt) return null;
  return (
    <details className="copilot-prompt" data-testid="copilot-prompt">
      <summary>View prompt</summary>
      {prompt.messages === null ? (
        <p className="muted">Offline: nothing left this browser.</p>
      ) : (
        <>
          <p className="muted">
            Sent to {prompt.model ?? 'the model'} at the workspace’s provider, exactly as below:
          </p>
          <ol>
            {prompt.messages.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the prompt never changes order
              <li key={i}>
                <span className="label">{m.role}</span>
                <pre data-testid="copilot-prompt-message">{m.content}</pre>
              </li>
            ))}
          </ol>
        </>
      )}
    </details>
  );
}
