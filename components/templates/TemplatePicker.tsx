import { useState } from 'react';
import type { Template } from '../../lib/schema';
import { filterTemplates } from '../../lib/templates/filter';
import { OptionList } from '../sidebar/OptionList';
import { useListbox } from '../sidebar/use-listbox';

export interface TemplatePickerProps {
  /** null while loading. */
  templates: readonly Template[] | null;
  problem: string | null;
  onChoose(template: Template): void;
  onClose(): void;
}

const SCOPE_LABEL = { personal: 'Personal', team: 'Team', workspace: 'Workspace' } as const;

/** Type to filter, arrows to move, Enter inserts, Escape closes (the draft gets focus back). */
export function TemplatePicker({ templates, problem, onChoose, onClose }: TemplatePickerProps) {
  const [query, setQuery] = useState('');
  const shown = filterTemplates(templates ?? [], query);
  const listbox = useListbox(shown, onChoose, onClose);
  const empty =
    templates === null
      ? 'Loading templates…'
      : templates.length === 0
        ? 'No templates yet. Create one in Sidedesk’s options.'
        : shown.length === 0
          ? `No template matches “${query.trim()}”.`
          : null;
  return (
    <div className="picker" data-testid="template-picker">
      <input
        // biome-ignore lint/a11y/noAutofocus: the picker opens on request, to be typed into
        autoFocus
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-label="Search templates"
        placeholder="Search templates"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          listbox.setActive(0);
        }}
        onKeyDown={listbox.onKeyDown}
        {...listbox.fieldProps}
      />
      {problem && <p className="problem">{problem}</p>}
      {empty && !problem && <p className="muted">{empty}</p>}
      <OptionList
        listbox={listbox}
        label="Templates"
        options={shown}
        keyOf={(t) => t.id}
        onPick={onChoose}
        render={(t) => (
          <>
            <span className="title">{t.title}</span>
            <span className="meta">
              {[SCOPE_LABEL[t.scope], t.folder, t.shortcut && `/${t.shortcut}`]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </>
        )}
      />
    </div>
  );
}
