import { conditionsText, targetsText } from '../../../lib/options/sla/policy-summary';
import type { SlaCalendarRecord, SlaPolicyRecord } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { useMoveInOrder } from '../common/use-move-in-order';
import { useReorderPolicies } from './use-policies';

type Props = {
  /** In match order. */
  policies: readonly SlaPolicyRecord[];
  calendars: readonly SlaCalendarRecord[];
  editable: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/** The policies in the order they are tried; admins move them up and down. */
export function PolicyList({ policies, calendars, editable, selectedId, onSelect }: Props) {
  const reorder = useReorderPolicies();
  const ids = policies.map((p) => p.id);
  const { list, move } = useMoveInOrder(ids, reorder);
  return (
    <>
      <Problem error={reorder.error} />
      <ol
        className="policy-list"
        ref={list}
        aria-label="Policies in match order"
        data-testid="policy-list"
      >
        {policies.map((p, index) => (
          <li key={p.id} data-testid="policy-row" data-id={p.id} data-name={p.name}>
            <span className="policy-rank" aria-hidden="true">
              {index + 1}
            </span>
            <div className="policy-summary">
              <button
                type="button"
                className="link"
                aria-current={p.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(p.id)}
              >
                {p.name}
              </button>
              <span className="muted">{conditionsText(p)}</span>
              <span className="muted">{targetsText(p, calendars)}</span>
            </div>
            {editable && (
              <div className="row">
                <button
                  type="button"
                  className="secondary"
                  data-move="-1"
                  disabled={index === 0 || reorder.isPending}
                  onClick={() => move(p.id, -1)}
                >
                  Move up<span className="sr-only"> {p.name}</span>
                </button>
                <button
                  type="button"
                  className="secondary"
                  data-move="1"
                  disabled={index === policies.length - 1 || reorder.isPending}
                  onClick={() => move(p.id, 1)}
                >
                  Move down<span className="sr-only"> {p.name}</span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
