import type { WorkspaceSettings } from '../../../lib/schema';
import { CopilotNote } from './SettingsForm';

/** What a member who is not an admin sees: the settings, not the means to change them. */
export function SettingsSummary({ settings }: { settings: WorkspaceSettings }) {
  return (
    <>
      <p className="muted">Only admins change these settings.</p>
      <dl className="sync">
        <dt>Workspace name</dt>
        <dd>{settings.name}</dd>
        <dt>Shared mailboxes</dt>
        <dd>{settings.mailboxes.length ? settings.mailboxes.join(', ') : 'None'}</dd>
        <dt>Data retention</dt>
        <dd>
          {settings.retentionDays === null
            ? 'Kept forever'
            : `Closed conversations purged after ${settings.retentionDays} days`}
        </dd>
      </dl>
      <CopilotNote />
    </>
  );
}
