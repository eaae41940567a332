import { useEffect, useRef, useState } from 'react';
import { moved } from '../../../lib/options/sla/order';

/** The reorder mutation of an ordered list (SLA policies, rules): every id, in the new order. */
type Reorder = {
  isPending: boolean;
  mutate(ids: string[], options: { onSettled: () => void }): void;
};

/**
 * Move up/down for a list whose rows carry `data-id` and whose buttons carry `data-move`.
 * Moving the row in the DOM (and disabling the buttons meanwhile) drops focus: once the
 * API has answered and the list shows it, focus goes back to the moved row's button.
 */
export function useMoveInOrder(ids: string[], reorder: Reorder) {
  const list = useRef<HTMLOListElement>(null);
  const [moving, setMoving] = useState<{ id: string; delta: -1 | 1 } | null>(null);
  useEffect(() => {
    if (!moving || reorder.isPending) return;
    const row = list.current?.querySelector(`[data-id="${moving.id}"]`);
    const button =
      row?.querySelector<HTMLButtonElement>(`[data-move="${moving.delta}"]:not(:disabled)`) ??
      row?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)');
    button?.focus();
    setMoving(null);
  }, [moving, reorder.isPending]);
  const move = (id: string, delta: -1 | 1) => {
    const next = moved(ids, id, delta);
    if (next) reorder.mutate(next, { onSettled: () => setMoving({ id, delta }) });
  };
  return { list, move };
}
