import { daysOf, PRESETS, type ReportView } from '../../../lib/options/reports/view';
import { Priority, ReportClock } from '../../../lib/schema';
import { useMembers } from '../members/use-members';
import { useSettings } from '../settings/use-settings';
import { useTags } from '../tags/use-tags';
import { useTeams } from '../teams/use-teams';
import { FilterSelect } from './FilterSelect';

type Props = { view: ReportView; onChange: (view: ReportView) => void; now: Date };

const CLOCKS: Record<ReportClock, string> = {
  calendar: 'Calendar time',
  business: 'Business hours',
};

/** The period, the filters and the clock of the report. */
export function ReportControls({ view, onChange, now }: Props) {
  const members = useMembers();
  const teams = useTeams();
  const tags = useTags();
  const settings = useSettings();
  // A new period or filter starts the list behind a figure from its first page.
  const set = (patch: Partial<ReportView>) => onChange({ ...view, ...patch, offset: 0 });
  const days = daysOf(view, now);
  return (
    <form
      className="report-controls"
      aria-label="Report period and filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset>
        <legend>Period</legend>
        <div className="row">
          {PRESETS.map((days) => (
            <button
              key={days}
              type="button"
              className="secondary"
              aria-pressed={view.range === days}
              onClick={() => set({ range: days })}
            >
              Last {days} days
            </button>
          ))}
          <button
            type="button"
            className="secondary"
            aria-pressed={view.range === 'custom'}
            onClick={() => set({ range: 'custom', from: days.first, to: days.last })}
          >
            Custom
          </button>
          {view.range === 'custom' && (
            <>
              <label htmlFor="report-from">From</label>
              <input
                id="report-from"
                type="date"
                value={days.first}
                max={days.last}
                onChange={(e) => e.target.value && set({ from: e.target.value })}
              />
              <label htmlFor="report-to">To</label>
              <input
                id="report-to"
                type="date"
                value={days.last}
                min={days.first}
                onChange={(e) => e.target.value && set({ to: e.target.value })}
              />
            </>
          )}
        </div>
      </fieldset>
      <div className="inline-form report-filters">
        <FilterSelect
          id="report-agent"
          label="Agent"
          all="All agents"
          value={view.agentId}
          options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
          onChange={(agentId) => set({ agentId })}
        />
        <FilterSelect
          id="report-team"
          label="Team"
          all="All teams"
          value={view.teamId}
          options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          onChange={(teamId) => set({ teamId })}
        />
        <FilterSelect
          id="report-tag"
          label="Tag"
          all="All tags"
          value={view.tag}
          options={(tags.data?.items ?? []).map((t) => ({ value: t.name, label: t.name }))}
          onChange={(tag) => set({ tag })}
        />
        <FilterSelect
          id="report-priority"
          label="Priority"
          all="All priorities"
          value={view.priority}
          options={Priority.options.map((p) => ({ value: p, label: p }))}
          onChange={(priority) => set({ priority: Priority.optional().parse(priority) })}
        />
        <FilterSelect
          id="report-mailbox"
          label="Mailbox"
          all="All mailboxes"
          value={view.mailbox}
          options={(settings.data?.mailboxes ?? []).map((m) => ({ value: m, label: m }))}
          onChange={(mailbox) => set({ mailbox })}
        />
        <div>
          <label htmlFor="report-clock">Durations in</label>
          <select
            id="report-clock"
            value={view.clock}
            onChange={(e) => set({ clock: ReportClock.parse(e.target.value) })}
          >
            {ReportClock.options.map((clock) => (
              <option key={clock} value={clock}>
                {CLOCKS[clock]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </form>
  );
}
