import { useState } from 'react';
import { inOrder } from '../../../lib/options/sla/order';
import { Empty, LoadFailed, Loading } from '../common/States';
import { PolicyEditor } from './PolicyEditor';
import { PolicyList } from './PolicyList';
import { useCalendars } from './use-calendars';
import { usePolicies } from './use-policies';

/** The policies in match order, and the one open (or a new one) with its preview. */
export function PoliciesPart({ editable }: { editable: boolean }) {
  const policies = usePolicies();
  const calendars = useCalendars().data?.items ?? [];
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  if (policies.isPending) return <Loading what="policies" />;
  if (policies.isError) {
    return (
      <LoadFailed what="policies" error={policies.error} retry={() => void policies.refetch()} />
    );
  }
  const ordered = inOrder(policies.data.items);
  const open = ordered.find((p) => p.id === selected) ?? null;
  return (
    <div data-testid="sla-policies">
      <div className="row">
        <h3>Policies</h3>
        {editable && (
          <button type="button" onClick={() => setSelected('new')} data-testid="policy-new">
            New policy
          </button>
        )}
      </div>
      <p className="muted">
        Tried from the top: the first policy whose conditions all hold applies. A conversation no
        policy matches has no SLA.
      </p>
      {ordered.length === 0 ? (
        <Empty>
          No policies yet.{' '}
          {editable ? 'Create one to give conversations targets.' : 'Admins create them.'}
        </Empty>
      ) : (
        <PolicyList
          policies={ordered}
          calendars={calendars}
          editable={editable}
          selectedId={open?.id ?? null}
          onSelect={setSelected}
        />
      )}
      {(selected === 'new' || open) && (
        <PolicyEditor
          key={open?.id ?? 'new'}
          policy={open}
          calendars={calendars}
          editable={editable}
          onSelect={setSelected}
        />
      )}
    </div>
  );
}
