import { type FormEvent, useId, useState } from 'react';
import {
  checkMonitor,
  type MonitorDraft,
  monitorDraftOf,
  newMonitorDraft,
} from '../../../lib/options/incidents/monitor-draft';
import { issueUnder, NO_ISSUES, withRefusal } from '../../../lib/options/sla/issues';
import type { IncidentMonitor, Team, Template } from '../../../lib/schema';
import { DeleteDialog } from '../common/DeleteDialog';
import { Problem } from '../common/Problem';
import { FieldIssue } from '../sla/FieldIssue';
import { useDeleteMonitor, useSaveMonitor } from './use-incidents';

type Props = {
  /** null: a new monitor. */
  monitor: IncidentMonitor | null;
  teams: readonly Team[];
  templates: readonly Template[];
  editable: boolean;
  onSelect: (id: string | null) => void;
};

type TextField =
  | 'name'
  | 'tags'
  | 'keywords'
  | 'threshold'
  | 'windowMinutes'
  | 'escalateAfterMinutes';
const TEXT_FIELDS: { field: TextField; label: string; hint?: string; numeric?: boolean }[] = [
  { field: 'name', label: 'Name' },
  {
    field: 'tags',
    label: 'Tags',
    hint: 'A conversation with any of them matches; commas between.',
  },
  {
    field: 'keywords',
    label: 'Subject keywords',
    hint: 'A subject with any of them matches; commas between.',
  },
  { field: 'threshold', label: 'Conversations that open an incident', numeric: true },
  { field: 'windowMinutes', label: 'Within (minutes)', numeric: true },
  {
    field: 'escalateAfterMinutes',
    label: 'Escalate a match with no reply after (minutes; empty: never)',
    numeric: true,
  },
];

/** One spike monitor: what matches, how many in how long, and what follows. */
export function MonitorEditor({ monitor, teams, templates, editable, onSelect }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<MonitorDraft>(() =>
    monitor ? monitorDraftOf(monitor) : newMonitorDraft(),
  );
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const save = useSaveMonitor(monitor?.id ?? null);
  const remove = useDeleteMonitor(monitor?.id ?? '');
  const checked = checkMonitor(draft);
  const issues = withRefusal(attempted ? checked.issues : NO_ISSUES, save.error);
  const edit = (patch: Partial<MonitorDraft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    save.reset();
    if (!checked.value) return;
    save.mutate(checked.value, {
      onSuccess: (m) => (monitor ? setSaved(true) : onSelect(m.id)),
    });
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="monitor-editor">
      <h4 id={`${id}-title`}>{monitor ? `Monitor “${monitor.name}”` : 'New monitor'}</h4>
      <form onSubmit={submit} noValidate>
        <fieldset className="plain" disabled={!editable}>
          {TEXT_FIELDS.map(({ field, label, hint, numeric }) => {
            const issue = issueUnder(issues, field);
            return (
              <div key={field}>
                <label htmlFor={`${id}-${field}`}>{label}</label>
                <input
                  id={`${id}-${field}`}
                  type={numeric ? 'number' : 'text'}
                  min={numeric ? 1 : undefined}
                  value={draft[field]}
                  onChange={(e) => edit({ [field]: e.target.value })}
                  aria-invalid={Boolean(issue)}
                  aria-describedby={
                    issue ? `${id}-${field}-issue` : hint ? `${id}-${field}-hint` : undefined
                  }
                  data-testid={`monitor-${field}`}
                />
                {hint && (
                  <p className="muted hint" id={`${id}-${field}-hint`}>
                    {hint}
                  </p>
                )}
                <FieldIssue id={`${id}-${field}-issue`} text={issue} />
              </div>
            );
          })}
          <label htmlFor={`${id}-team`}>While open, route new matches to</label>
          <select
            id={`${id}-team`}
            value={draft.teamId}
            onChange={(e) => edit({ teamId: e.target.value })}
            data-testid="monitor-team"
          >
            <option value="">No team (leave them where they are)</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-template`}>Pre-approved reply (shown in the sidebar banner)</label>
          <select
            id={`${id}-template`}
            value={draft.templateId}
            onChange={(e) => edit({ templateId: e.target.value })}
            data-testid="monitor-template"
          >
            <option value="">None</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <label>
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(e) => edit({ enabled: e.target.checked })}
            />
            Enabled
          </label>
        </fieldset>
        <Problem error={save.error} />
        {editable && (
          <div className="row actions-row">
            <button type="submit" disabled={save.isPending} data-testid="monitor-save">
              {save.isPending ? 'Saving…' : monitor ? 'Save monitor' : 'Create monitor'}
            </button>
            {monitor && (
              <button type="button" className="secondary" onClick={() => setDeleting(true)}>
                Delete monitor
              </button>
            )}
            <span className="muted" role="status">
              {saved ? 'Saved.' : ''}
            </span>
          </div>
        )}
      </form>
      {monitor && (
        <DeleteDialog
          noun="monitor"
          name={monitor.name}
          remove={remove}
          open={deleting}
          onClose={() => setDeleting(false)}
          onDeleted={() => onSelect(null)}
          testId="delete-monitor-dialog"
        >
          It stops watching at once. Incidents it opened stay until they are resolved.
        </DeleteDialog>
      )}
    </section>
  );
}
