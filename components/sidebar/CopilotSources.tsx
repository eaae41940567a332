import type { CopilotSource } from '../../lib/schema';

/** What the answer was grounded on: templates and the customer's past conversations. */
export function CopilotSources({ sources }: { sources: readonly CopilotSource[] }) {
  if (sources.length === 0) return null;
  return (
    <div className="copilot-sources">
      <h3>Sources</h3>
      <ul data-testid="copilot-sources">
        {sources.map((s) => (
          <li key={`${s.kind}:${s.id}`} data-testid="copilot-source" data-kind={s.kind}>
            <span className="muted">
              {s.kind === 'template' ? 'Template' : 'Past conversation'}:
            </span>{' '}
            <strong>{s.title}</strong>
            <span className="muted"> · {s.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
