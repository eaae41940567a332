import { useRef, useState } from 'react';
import { filterMembers } from '../../lib/features/member-filter';
import type { AssignChoice } from '../../lib/features/sidebar-model';
import type { Member } from '../../lib/schema';
import { memberOption, OptionList } from './OptionList';
import type { CommandRequest, Run, SidebarActions } from './types';
import { useCommand } from './use-command';
import { useListbox } from './use-listbox';

interface AssigneePickerProps {
  choice: AssignChoice;
  assign: SidebarActions['assign'];
  run: Run;
  command: CommandRequest | null;
}

/** "Assign…" / "Reassign…": a searchable list of the members the rules allow. */
export function AssigneePicker({ choice, assign, run, command }: AssigneePickerProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const options = filterMembers(choice.candidates, query);
  const close = () => {
    setOpen(false);
    setQuery('');
    toggle.current?.focus();
  };
  const pick = (member: Member) => {
    close();
    run(() => assign(member));
  };
  const list = useListbox(options, pick, close);
  useCommand(command, 'assign', () => setOpen(true));
  return (
    <div className="picker">
      <button
        ref={toggle}
        type="button"
        data-testid="assign-button"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {choice.label}
      </button>
      {open && (
        <div className="popover">
          <input
            // Opened on purpose (a click or the shortcut): typing goes straight to the search.
            // biome-ignore lint/a11y/noAutofocus: focus follows the user's own action
            autoFocus
            type="text"
            role="combobox"
            aria-expanded={options.length > 0}
            aria-label="Assign to: type a name or address"
            data-testid="assign-search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              list.setActive(0);
            }}
            onKeyDown={list.onKeyDown}
            {...list.fieldProps}
          />
          {options.length > 0 ? (
            <OptionList
              listbox={list}
              label="Members"
              options={options}
              keyOf={(m) => m.id}
              render={memberOption}
              onPick={pick}
            />
          ) : (
            <p className="muted">No member to offer{query ? ` for “${query}”` : ''}.</p>
          )}
          {choice.hint && <p className="muted">{choice.hint}</p>}
        </div>
      )}
    </div>
  );
}
