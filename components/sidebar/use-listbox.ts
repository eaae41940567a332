import { type KeyboardEvent, useId, useState } from 'react';
import { moveActive } from '../../lib/features/member-filter';

/**
 * Keyboard for a text field driving a listbox (ARIA combobox pattern): arrows move the
 * active option, Enter picks it, Escape closes. Focus stays in the field throughout.
 */
export function useListbox<T>(options: readonly T[], pick: (option: T) => void, close: () => void) {
  const id = useId();
  const [active, setActive] = useState(0);
  const current = options.length === 0 ? -1 : Math.min(active, options.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(moveActive(current, e.key === 'ArrowDown' ? 1 : -1, options.length));
    } else if (e.key === 'Enter' && current >= 0) {
      e.preventDefault();
      const option = options[current];
      if (option !== undefined) pick(option);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };
  return {
    listId: `${id}-list`,
    optionId,
    active: current,
    setActive,
    onKeyDown,
    /** ARIA for the text field. */
    fieldProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': options.length > 0 ? `${id}-list` : undefined,
      'aria-activedescendant': current >= 0 ? optionId(current) : undefined,
    },
  };
}
