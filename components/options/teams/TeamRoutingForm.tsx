import { type FormEvent, useId, useState } from 'react';
import { escalationChoices } from '../../../lib/options/teams/routing';
import { RoutingMode, type Team, type TeamRouting } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { useSetTeamRouting } from './use-teams';

const MODES: Record<RoutingMode, string> = {
  manual: 'Manual: conversations routed here wait in the team’s queue',
  round_robin: 'Round-robin: each available member in turn',
  load_balanced: 'Load-balanced: the available member with the fewest open conversations',
};

type Props = { team: Team; teams: readonly Team[] };

/** How the team hands out what is routed to it, and where its escalations go. */
export function TeamRoutingForm({ team, teams }: Props) {
  const id = useId();
  const [routing, setRouting] = useState<TeamRouting>(team.routing);
  const save = useSetTeamRouting(team.id);
  const set = (patch: Partial<TeamRouting>) => setRouting({ ...routing, ...patch });
  const changed = JSON.stringify(routing) !== JSON.stringify(team.routing);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changed) save.mutate(routing);
  };
  return (
    <form onSubmit={submit} data-testid="team-routing">
      <fieldset>
        <legend>Routing of {team.name}</legend>
        <fieldset className="plain">
          <legend className="field-label">Mode</legend>
          {RoutingMode.options.map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name={`${id}-mode`}
                value={mode}
                checked={routing.mode === mode}
                onChange={() => set({ mode })}
                data-testid={`routing-${mode}`}
              />
              {MODES[mode]}
            </label>
          ))}
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={routing.deadlineAware}
            disabled={routing.mode === 'manual'}
            onChange={(e) => set({ deadlineAware: e.target.checked })}
          />
          Deadline-aware: the most urgent SLA goes to whoever can answer soonest
        </label>
        <label>
          <input
            type="checkbox"
            checked={routing.useSkills}
            disabled={routing.mode === 'manual'}
            onChange={(e) => set({ useSkills: e.target.checked })}
          />
          Use skills: only members whose skills cover the conversation’s tags
        </label>
        <label htmlFor={`${id}-escalates`}>Escalates to</label>
        <select
          id={`${id}-escalates`}
          value={routing.escalatesTo ?? ''}
          onChange={(e) => set({ escalatesTo: e.target.value || null })}
          data-testid="routing-escalates-to"
        >
          <option value="">No team (the last tier)</option>
          {escalationChoices(team, teams).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <div className="row">
          <button
            type="submit"
            className="secondary"
            disabled={!changed || save.isPending}
            data-testid="routing-save"
          >
            Save routing<span className="sr-only"> of {team.name}</span>
          </button>
        </div>
        <Problem error={save.error} />
      </fieldset>
    </form>
  );
}
