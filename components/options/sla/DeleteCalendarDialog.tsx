import type { SlaCalendarRecord } from '../../../lib/schema';
import { DeleteDialog } from '../common/DeleteDialog';
import { useDeleteCalendar } from './use-calendars';

type Props = {
  calendar: SlaCalendarRecord;
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
};

export function DeleteCalendarDialog({ calendar, open, onClose, onDeleted }: Props) {
  return (
    <DeleteDialog
      noun="calendar"
      name={calendar.name}
      remove={useDeleteCalendar(calendar.id)}
      open={open}
      onClose={onClose}
      onDeleted={onDeleted}
      testId="delete-calendar-dialog"
    >
      A calendar that a policy counts by cannot be deleted: give those policies another calendar
      first.
    </DeleteDialog>
  );
}
