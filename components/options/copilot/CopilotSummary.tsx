import { whereThreadsGo } from '../../../lib/options/copilot/copilot';
import type { CopilotSettings } from '../../../lib/schema';

/** What a member who is not an admin sees: the copilot's settings, read-only. */
export function CopilotSummary({ settings }: { settings: CopilotSettings }) {
  return (
    <>
      <p className="muted">Only admins change the copilot’s provider.</p>
      <dl className="sync" data-testid="copilot-summary">
        <dt>Provider</dt>
        <dd>{settings.provider === 'offline' ? 'Offline (built in)' : 'OpenAI-compatible'}</dd>
        {settings.provider === 'openai-compatible' && (
          <>
            <dt>Base URL</dt>
            <dd>{settings.baseUrl ?? 'None'}</dd>
            <dt>Model</dt>
            <dd>{settings.model ?? 'None'}</dd>
            <dt>API key</dt>
            <dd>{settings.keySet ? 'Set' : 'Not set'}</dd>
          </>
        )}
        <dt>Redact personal data before sending</dt>
        <dd>{settings.redactPii ? 'Yes' : 'No'}</dd>
        <dt>External providers allowed</dt>
        <dd>{settings.externalAllowed ? 'Yes' : 'No'}</dd>
      </dl>
      <p className="muted">{whereThreadsGo(settings)}</p>
    </>
  );
}
