import type { ReactNode } from 'react';
import type { Member } from '../../lib/schema';
import type { useListbox } from './use-listbox';

interface OptionListProps<T> {
  /** The field's keyboard state, which this list shows and a pointer moves. */
  listbox: Pick<ReturnType<typeof useListbox>, 'listId' | 'optionId' | 'active' | 'setActive'>;
  label: string;
  options: readonly T[];
  keyOf(option: T): string;
  render(option: T): ReactNode;
  onPick(option: T): void;
}

/** How a member reads in a list of members to pick from. */
export const memberOption = (m: Member) => (
  <>
    {m.name} <span className="muted">{m.email}</span>
  </>
);

/**
 * The listbox of a combobox. The field keeps focus and drives it by keyboard
 * (`use-listbox.ts`); a pointer picks here.
 */
export function OptionList<T>(props: OptionListProps<T>) {
  const { listbox } = props;
  return (
    <div className="options" role="listbox" id={listbox.listId} aria-label={props.label}>
      {props.options.map((option, index) => (
        <div
          key={props.keyOf(option)}
          id={listbox.optionId(index)}
          role="option"
          tabIndex={-1}
          aria-selected={index === listbox.active}
          className={index === listbox.active ? 'option active' : 'option'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.onPick(option)}
          onKeyDown={(e) => e.key === 'Enter' && props.onPick(option)}
          onMouseEnter={() => listbox.setActive(index)}
        >
          {props.render(option)}
        </div>
      ))}
    </div>
  );
}
