import type { SlaCalendarRecord } from '../../../lib/schema';
import { Dialog } from '../common/Dialog';
import { Problem } from '../common/Problem';
import { useDeleteCalendar } from './use-calendars';

type Props = {
  calendar: SlaCalendarRecord;
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
};

export function DeleteCalendarDialog({ calendar, open, onClose, onDeleted }: Props) {
  const remove = useDeleteCalendar(calendar.id);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      title={`Delete calendar “${calendar.name}”`}
      onClose={close}
      testId="delete-calendar-dialog"
    >
      <p>
        A calendar that a policy counts by cannot be deleted: give those policies another calendar
        first.
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
          {remove.isPending ? 'Deleting…' : 'Delete calendar'}
        </button>
      </div>
    </Dialog>
  );
}
