import type { SlaPolicyRecord } from '../../../lib/schema';
import { DeleteDialog } from '../common/DeleteDialog';
import { useDeletePolicy } from './use-policies';

type Props = {
  policy: SlaPolicyRecord;
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
};

export function DeletePolicyDialog({ policy, open, onClose, onDeleted }: Props) {
  return (
    <DeleteDialog
      noun="policy"
      name={policy.name}
      remove={useDeletePolicy(policy.id)}
      open={open}
      onClose={onClose}
      onDeleted={onDeleted}
      testId="delete-policy-dialog"
    >
      Open conversations it applies to are matched again at once: the next policy down the list that
      matches applies, or none.
    </DeleteDialog>
  );
}
