import { useState } from 'react';
import { Empty, LoadFailed, Loading } from '../common/States';
import { CalendarEditor } from './CalendarEditor';
import { CalendarTable } from './CalendarTable';
import { useCalendars } from './use-calendars';

/** The calendars, and the one open (or a new one) in the editor below. */
export function CalendarsPart({ editable }: { editable: boolean }) {
  const calendars = useCalendars();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  if (calendars.isPending) return <Loading what="calendars" />;
  if (calendars.isError) {
    return (
      <LoadFailed what="calendars" error={calendars.error} retry={() => void calendars.refetch()} />
    );
  }
  const items = calendars.data.items;
  const open = items.find((c) => c.id === selected) ?? null;
  return (
    <div data-testid="sla-calendars">
      <div className="row">
        <h3>Business calendars</h3>
        {editable && (
          <button type="button" onClick={() => setSelected('new')} data-testid="calendar-new">
            New calendar
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <Empty>
          No calendars yet.{' '}
          {editable ? 'Create one with your office hours.' : 'Admins create them.'}
        </Empty>
      ) : (
        <CalendarTable calendars={items} selectedId={open?.id ?? null} onSelect={setSelected} />
      )}
      {(selected === 'new' || open) && (
        <CalendarEditor
          key={open?.id ?? 'new'}
          calendar={open}
          editable={editable}
          onSelect={setSelected}
        />
      )}
    </div>
  );
}
