import type { Rule } from '../../../lib/schema/automation';
import { DeleteDialog } from '../common/DeleteDialog';
import { useDeleteRule } from './use-rules';

type Props = { rule: Rule; open: boolean; onClose: () => void; onDeleted?: () => void };

export function DeleteRuleDialog({ rule, open, onClose, onDeleted }: Props) {
  return (
    <DeleteDialog
      noun="rule"
      name={rule.name}
      remove={useDeleteRule(rule.id)}
      open={open}
      onClose={onClose}
      onDeleted={onDeleted}
      testId="delete-rule-dialog"
      confirmTestId="delete-rule-confirm"
    >
      It stops running at once. What it already did to conversations stays, with its events.
    </DeleteDialog>
  );
}
