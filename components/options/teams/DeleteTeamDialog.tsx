import type { Team } from '../../../lib/schema';
import { Dialog } from '../common/Dialog';
import { Problem } from '../common/Problem';
import { useDeleteTeam } from './use-teams';

type Props = { team: Team; open: boolean; onClose: () => void };

export function DeleteTeamDialog({ team, open, onClose }: Props) {
  const remove = useDeleteTeam(team.id);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      title={`Delete team “${team.name}”`}
      onClose={close}
      testId="delete-team-dialog"
    >
      <p>
        The team goes; its members stay in the workspace. A team that still has templates cannot be
        deleted: move or delete them first.
      </p>
      <Problem error={remove.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(undefined, { onSuccess: close })}
          data-testid="confirm-delete-team"
        >
          {remove.isPending ? 'Deleting…' : 'Delete team'}
        </button>
      </div>
    </Dialog>
  );
}
