import { useState } from 'react';
import { may } from '../../../lib/options/capabilities';
import { monitorText } from '../../../lib/options/incidents/monitor-draft';
import { isOffline } from '../../../lib/options/problems';
import '../common/pages.css';
import { Empty, LoadFailed, Loading, OfflineNothingCached } from '../common/States';
import type { SectionProps } from '../section-props';
import { useTeams } from '../teams/use-teams';
import { useTemplateList } from '../templates/use-templates';
import { MonitorEditor } from './MonitorEditor';
import { OpenIncidents } from './OpenIncidents';
import { useMonitors } from './use-incidents';

/** Spikes: incidents open now, and the monitors that open them. */
export function IncidentsPage({ session }: SectionProps) {
  const monitors = useMonitors();
  const teams = useTeams().data ?? [];
  const templates = useTemplateList().data?.items ?? [];
  const editable = may(session.role, 'manageAutomations');
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const retry = () => void monitors.refetch();
  const open = monitors.data?.find((m) => m.id === selected) ?? null;
  return (
    <section className="page" aria-labelledby="incidents-title" data-testid="incidents-page">
      <h2 id="incidents-title">Incidents</h2>
      <p className="muted">
        A monitor opens an incident when enough matching conversations arrive within its window;
        agents then see a banner on each, with the pre-approved reply.
      </p>
      <h3>Open incidents</h3>
      <OpenIncidents editable={editable} />
      <div className="row">
        <h3>Monitors</h3>
        {editable && monitors.isSuccess && (
          <button type="button" onClick={() => setSelected('new')} data-testid="monitor-new">
            New monitor
          </button>
        )}
      </div>
      {monitors.isPending ? (
        <Loading what="monitors" />
      ) : monitors.isError ? (
        isOffline(monitors.error) ? (
          <OfflineNothingCached what="Monitors" retry={retry} />
        ) : (
          <LoadFailed what="monitors" error={monitors.error} retry={retry} />
        )
      ) : monitors.data.length === 0 ? (
        <Empty>No monitors yet.</Empty>
      ) : (
        <ul className="incident-list" data-testid="monitor-list">
          {monitors.data.map((m) => (
            <li key={m.id} data-testid="monitor-row" data-name={m.name}>
              <button
                type="button"
                className="link"
                aria-current={m.id === selected ? 'true' : undefined}
                onClick={() => setSelected(m.id)}
              >
                {m.name}
              </button>{' '}
              <span className="muted">
                {monitorText(m)}
                {m.enabled ? '' : ' (off)'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {(selected === 'new' || open) && (
        <MonitorEditor
          key={open?.id ?? 'new'}
          monitor={open}
          teams={teams}
          templates={templates}
          editable={editable}
          onSelect={setSelected}
        />
      )}
    </section>
  );
}
