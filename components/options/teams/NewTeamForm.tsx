import { type FormEvent, useId, useState } from 'react';
import { teamNameProblem } from '../../../lib/options/teams/teams';
import type { Team } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { useCreateTeam } from './use-teams';

export function NewTeamForm({ teams }: { teams: readonly Team[] }) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useCreateTeam();
  const nameId = useId();
  const errorId = useId();
  const problem = touched ? teamNameProblem(name, teams) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (teamNameProblem(name, teams)) return;
    create.mutate(name.trim(), {
      onSuccess: () => {
        setName('');
        setTouched(false);
      },
    });
  };
  return (
    <form onSubmit={submit} data-testid="new-team-form">
      <div className="inline-form">
        <div>
          <label htmlFor={nameId}>New team name</label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? errorId : undefined}
            placeholder="Billing"
            data-testid="new-team-name"
            required
          />
        </div>
        <button type="submit" disabled={create.isPending} data-testid="create-team">
          {create.isPending ? 'Creating…' : 'Create team'}
        </button>
      </div>
      {problem && (
        <p className="error" id={errorId}>
          {problem}
        </p>
      )}
      <Problem error={create.error} />
    </form>
  );
}
