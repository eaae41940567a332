import { isOffline } from '../../../lib/options/problems';
import '../common/pages.css';
import { LoadFailed, Loading, OfflineNothingCached } from '../common/States';
import type { SectionProps } from '../section-props';
import { CopilotForm } from './CopilotForm';
import { CopilotSummary } from './CopilotSummary';
import { useCopilotSettings } from './use-copilot-settings';

/** The copilot's provider and privacy switches: admins change them, everyone else reads them. */
export function CopilotPage({ session }: SectionProps) {
  const settings = useCopilotSettings();
  const retry = () => void settings.refetch();
  return (
    <section className="page" aria-labelledby="copilot-title" data-testid="copilot-page">
      <h2 id="copilot-title">Copilot</h2>
      <p className="muted">
        Agents ask the copilot for a draft reply, a summary or triage suggestions in the thread’s
        sidebar. Drafts are never sent by themselves, and only names and ids of what happened are
        recorded.
      </p>
      {settings.isPending ? (
        <Loading what="copilot settings" />
      ) : settings.isError ? (
        isOffline(settings.error) ? (
          <OfflineNothingCached what="Copilot settings" retry={retry} />
        ) : (
          <LoadFailed what="copilot settings" error={settings.error} retry={retry} />
        )
      ) : session.role === 'admin' ? (
        <CopilotForm settings={settings.data} />
      ) : (
        <CopilotSummary settings={settings.data} />
      )}
    </section>
  );
}
