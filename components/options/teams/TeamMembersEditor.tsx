import { useId, useState } from 'react';
import { memberCandidates, sameMembers, toggled } from '../../../lib/options/teams/teams';
import type { Member, Team } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { useSetTeamMembers } from './use-teams';

/** A searchable list of checkboxes; the team changes when Save is pressed. */
export function TeamMembersEditor({ team, members }: { team: Team; members: readonly Member[] }) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set(team.memberIds));
  const [query, setQuery] = useState('');
  const save = useSetTeamMembers(team.id);
  const searchId = useId();
  const listId = useId();
  const shown = memberCandidates(members, selected, query);
  const unchanged = sameMembers(selected, team.memberIds);
  return (
    <fieldset data-testid="team-members-editor">
      <legend>Members of {team.name}</legend>
      <label htmlFor={searchId}>Find a member</label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-controls={listId}
        placeholder="Name or email"
      />
      <ul className="picker" id={listId} aria-label={`Members to put in ${team.name}`}>
        {shown.length === 0 && <li className="muted state">No member matches “{query}”.</li>}
        {shown.map((m) => (
          <li key={m.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.has(m.id)}
                onChange={() => setSelected((s) => toggled(s, m.id))}
              />
              {m.name} <span className="muted">{m.email}</span>
              {m.status !== 'active' && <span className="muted"> (deactivated)</span>}
            </label>
          </li>
        ))}
      </ul>
      <p className="muted" role="status">
        {selected.size} selected
      </p>
      <button
        type="button"
        disabled={unchanged || save.isPending}
        onClick={() => save.mutate([...selected])}
        data-testid="save-team-members"
      >
        {save.isPending ? 'Saving…' : 'Save members'}
      </button>
      <Problem error={save.error} />
    </fieldset>
  );
}
