import { type FormEvent, useId, useState } from 'react';
import { issueAt } from '../../../lib/options/problems';
import { parseRetention, settingsPatch } from '../../../lib/options/settings/settings';
import type { WorkspaceSettings } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { MailboxList } from './MailboxList';
import { RetentionField } from './RetentionField';
import { useSaveSettings } from './use-settings';

/** The admin's form; only what changed is sent. */
export function SettingsForm({ settings }: { settings: WorkspaceSettings }) {
  const [name, setName] = useState(settings.name);
  const [mailboxes, setMailboxes] = useState(settings.mailboxes);
  const [retention, setRetention] = useState({
    keepForever: settings.retentionDays === null,
    days: String(settings.retentionDays ?? 90),
  });
  const [saved, setSaved] = useState(false);
  const save = useSaveSettings();
  const nameId = useId();
  const nameErrorId = useId();
  const retentionDays = parseRetention(retention.keepForever, retention.days);
  const nameProblem =
    name.trim() === '' ? 'The workspace needs a name' : issueAt(save.error, 'name');
  const patch = retentionDays.ok
    ? settingsPatch(settings, { name, mailboxes, retentionDays: retentionDays.value })
    : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (patch && !nameProblem) save.mutate(patch, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={submit} data-testid="settings-form">
      <label htmlFor={nameId}>Workspace name</label>
      <input
        id={nameId}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={120}
        aria-invalid={Boolean(nameProblem)}
        aria-describedby={nameProblem ? nameErrorId : undefined}
        data-testid="workspace-name-input"
        required
      />
      {nameProblem && (
        <p className="error" id={nameErrorId}>
          {nameProblem}
        </p>
      )}
      <MailboxList
        mailboxes={mailboxes}
        onChange={setMailboxes}
        refused={issueAt(save.error, 'mailboxes')}
      />
      <RetentionField
        keepForever={retention.keepForever}
        days={retention.days}
        onChange={setRetention}
        problem={retentionDays.ok ? issueAt(save.error, 'retentionDays') : retentionDays.message}
      />
      <CopilotNote />
      <Problem error={save.error} />
      <button type="submit" disabled={!patch || save.isPending} data-testid="save-settings">
        {save.isPending ? 'Saving…' : 'Save settings'}
      </button>
      <p className="muted" role="status">
        {saved && !patch && 'Saved.'}
      </p>
    </form>
  );
}

export function CopilotNote() {
  return (
    <fieldset>
      <legend>Copilot provider</legend>
      <p className="muted" data-testid="copilot-note">
        The copilot’s provider, its key and the privacy switches are in the{' '}
        <a href="#/copilot">Copilot</a> section.
      </p>
    </fieldset>
  );
}
