import { may } from '../../../lib/options/capabilities';
import { isOffline } from '../../../lib/options/problems';
import '../common/pages.css';
import { LoadFailed, Loading, OfflineNothingCached } from '../common/States';
import type { SectionProps } from '../section-props';
import { AuditLog } from './AuditLog';
import { SettingsForm } from './SettingsForm';
import { SettingsSummary } from './SettingsSummary';
import { useSettings } from './use-settings';

export function SettingsPage({ session }: SectionProps) {
  const settings = useSettings();
  const retry = () => void settings.refetch();
  return (
    <section className="page" aria-labelledby="settings-title" data-testid="settings-page">
      <h2 id="settings-title">Workspace settings</h2>
      {settings.isPending ? (
        <Loading what="settings" />
      ) : settings.isError ? (
        isOffline(settings.error) ? (
          <OfflineNothingCached what="Workspace settings" retry={retry} />
        ) : (
          <LoadFailed what="settings" error={settings.error} retry={retry} />
        )
      ) : may(session.role, 'manageSettings') ? (
        <>
          <SettingsForm settings={settings.data} />
          <AuditLog />
        </>
      ) : (
        <SettingsSummary settings={settings.data} />
      )}
    </section>
  );
}
