import type { Team } from '../../../lib/schema';
import { DeleteDialog } from '../common/DeleteDialog';
import { useDeleteTeam } from './use-teams';

type Props = { team: Team; open: boolean; onClose: () => void };

export function DeleteTeamDialog({ team, open, onClose }: Props) {
  return (
    <DeleteDialog
      noun="team"
      name={team.name}
      remove={useDeleteTeam(team.id)}
      open={open}
      onClose={onClose}
      testId="delete-team-dialog"
      confirmTestId="confirm-delete-team"
    >
      The team goes; its members stay in the workspace. A team that still has templates cannot be
      deleted: move or delete them first.
    </DeleteDialog>
  );
}
