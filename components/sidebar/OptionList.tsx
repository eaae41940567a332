import type { ReactNode } from 'react';

interface OptionListProps<T> {
  id: string;
  label: string;
  options: readonly T[];
  active: number;
  optionId(index: number): string;
  keyOf(option: T): string;
  render(option: T): ReactNode;
  onPick(option: T): void;
  onHover(index: number): void;
}

/**
 * The listbox of a combobox. The field keeps focus and drives it by keyboard
 * (`use-listbox.ts`); a pointer picks here.
 */
export function OptionList<T>(props: OptionListProps<T>) {
  return (
    <div className="options" role="listbox" id={props.id} aria-label={props.label}>
      {props.options.map((option, index) => (
        <div
          key={props.keyOf(option)}
          id={props.optionId(index)}
          role="option"
          tabIndex={-1}
          aria-selected={index === props.active}
          className={index === props.active ? 'option active' : 'option'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.onPick(option)}
          onKeyDown={(e) => e.key === 'Enter' && props.onPick(option)}
          onMouseEnter={() => props.onHover(index)}
        >
          {props.render(option)}
        </div>
      ))}
    </div>
  );
}
