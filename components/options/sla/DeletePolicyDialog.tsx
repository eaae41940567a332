import type { SlaPolicyRecord } from '../../../lib/schema';
import { Dialog } from '../common/Dialog';
import { Problem } from '../common/Problem';
import { useDeletePolicy } from './use-policies';

type Props = {
  policy: SlaPolicyRecord;
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
};

export function DeletePolicyDialog({ policy, open, onClose, onDeleted }: Props) {
  const remove = useDeletePolicy(policy.id);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      title={`Delete policy “${policy.name}”`}
      onClose={close}
      testId="delete-policy-dialog"
    >
      <p>
        Open conversations it applies to are matched again at once: the next policy down the list
        that matches applies, or none.
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
          onClick={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                close();
                onDeleted();
              },
            })
          }
        >
          {remove.isPending ? 'Deleting…' : 'Delete policy'}
        </button>
      </div>
    </Dialog>
  );
}
