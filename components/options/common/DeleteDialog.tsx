import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { Problem } from './Problem';

/** The part of a delete mutation the dialog drives. */
type Removal = {
  mutate(variables: undefined, options: { onSuccess: () => void }): void;
  reset(): void;
  error: unknown;
  isPending: boolean;
};

type Props = {
  /** What goes, as the title and button name it: "calendar", "policy", "team". */
  noun: string;
  name: string;
  remove: Removal;
  open: boolean;
  onClose: () => void;
  onDeleted?: () => void;
  testId: string;
  confirmTestId?: string;
  /** What deleting it does, or why it may be refused. */
  children: ReactNode;
};

/** Asks before deleting one record; a refusal shows in the dialog and deletes nothing. */
export function DeleteDialog({
  noun,
  name,
  remove,
  open,
  onClose,
  onDeleted,
  testId,
  confirmTestId,
  children,
}: Props) {
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={open} title={`Delete ${noun} “${name}”`} onClose={close} testId={testId}>
      <p>{children}</p>
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
                onDeleted?.();
              },
            })
          }
          data-testid={confirmTestId}
        >
          {remove.isPending ? 'Deleting…' : `Delete ${noun}`}
        </button>
      </div>
    </Dialog>
  );
}
