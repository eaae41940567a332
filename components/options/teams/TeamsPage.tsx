import { may } from '../../../lib/options/capabilities';
import { isOffline } from '../../../lib/options/problems';
import '../common/pages.css';
import { Empty, LoadFailed, Loading, OfflineNothingCached } from '../common/States';
import { useMembers } from '../members/use-members';
import type { SectionProps } from '../section-props';
import { NewTeamForm } from './NewTeamForm';
import { TeamCard } from './TeamCard';
import { useTeams } from './use-teams';

export function TeamsPage({ session }: SectionProps) {
  const teams = useTeams();
  const members = useMembers();
  const editable = may(session.role, 'manageTeams');
  const retry = () => void teams.refetch();
  return (
    <section className="page" aria-labelledby="teams-title" data-testid="teams-page">
      <h2 id="teams-title">Teams</h2>
      <p className="muted">
        Named groups of members (Billing, Backend): team templates are shown to their members.
      </p>
      {teams.isPending ? (
        <Loading what="teams" />
      ) : teams.isError ? (
        isOffline(teams.error) ? (
          <OfflineNothingCached what="Teams" retry={retry} />
        ) : (
          <LoadFailed what="teams" error={teams.error} retry={retry} />
        )
      ) : (
        <>
          {editable && <NewTeamForm teams={teams.data} />}
          {teams.data.length === 0 ? (
            <Empty>
              No teams yet.{' '}
              {editable ? 'Name the first one above.' : 'Leads and admins create them.'}
            </Empty>
          ) : (
            teams.data.map((team) => (
              <TeamCard
                key={team.id}
                team={team}
                teams={teams.data}
                members={members.data?.items ?? []}
                editable={editable}
              />
            ))
          )}
        </>
      )}
    </section>
  );
}
