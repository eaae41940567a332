import { type FormEvent, useId, useState } from 'react';
import { memberNames, teamNameProblem } from '../../../lib/options/teams/teams';
import type { Member, Team } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { DeleteTeamDialog } from './DeleteTeamDialog';
import { TeamMembersEditor } from './TeamMembersEditor';
import { TeamRoutingForm } from './TeamRoutingForm';
import { useRenameTeam } from './use-teams';

type Props = { team: Team; teams: readonly Team[]; members: readonly Member[]; editable: boolean };

export function TeamCard({ team, teams, members, editable }: Props) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const titleId = useId();
  const names = memberNames(team, members);
  return (
    <article
      className="card"
      aria-labelledby={titleId}
      data-testid="team-card"
      data-team={team.name}
    >
      <h3 id={titleId}>{team.name}</h3>
      <p className="muted" data-testid="team-member-names">
        {names.length === 0 ? 'No members yet.' : names.join(', ')}
      </p>
      {editable && (
        <>
          <RenameForm key={team.name} team={team} teams={teams} />
          <button
            type="button"
            className="secondary"
            aria-expanded={editing}
            onClick={() => setEditing((e) => !e)}
          >
            {editing ? 'Close member list' : 'Choose members'}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setDeleting(true)}>
            Delete team<span className="sr-only"> {team.name}</span>
          </button>
          {editing && <TeamMembersEditor team={team} members={members} />}
          <TeamRoutingForm key={JSON.stringify(team.routing)} team={team} teams={teams} />
          <DeleteTeamDialog team={team} open={deleting} onClose={() => setDeleting(false)} />
        </>
      )}
    </article>
  );
}

function RenameForm({ team, teams }: { team: Team; teams: readonly Team[] }) {
  const [name, setName] = useState(team.name);
  const rename = useRenameTeam(team.id);
  const inputId = useId();
  const errorId = useId();
  const problem = teamNameProblem(name, teams, team.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem && name.trim() !== team.name) rename.mutate(name.trim());
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <div>
        <label htmlFor={inputId}>Name</label>
        <input
          id={inputId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? errorId : undefined}
          data-testid="team-name"
        />
      </div>
      <button type="submit" className="secondary" disabled={Boolean(problem) || rename.isPending}>
        Rename
      </button>
      {problem && (
        <p className="error" id={errorId}>
          {problem}
        </p>
      )}
      <Problem error={rename.error} />
    </form>
  );
}
