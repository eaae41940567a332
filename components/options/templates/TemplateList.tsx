import { useId } from 'react';
import { groupByFolder } from '../../../lib/options/templates/search';
import type { Template } from '../../../lib/schema';

/** Rows rendered at once: beyond this the search narrows faster than scrolling does. */
const SHOWN = 300;

type Props = {
  templates: readonly Template[];
  total: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

function FolderGroup({ folder, children }: { folder: string | null; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{folder ?? 'No folder'}</h3>
      <ul>{children}</ul>
    </section>
  );
}

/** The templates matching the search, by folder; a button per template opens it. */
export function TemplateList({ templates, total, selectedId, onSelect }: Props) {
  const shown = templates.slice(0, SHOWN);
  return (
    <div className="template-list" data-testid="template-list">
      <p className="muted" role="status" aria-live="polite" style={{ padding: '4px 10px' }}>
        {templates.length === total
          ? `${total} templates`
          : `${templates.length} of ${total} templates match`}
        {templates.length > SHOWN && ` · showing the first ${SHOWN}, refine the search`}
      </p>
      {groupByFolder(shown).map((group) => (
        <FolderGroup key={group.folder ?? ''} folder={group.folder}>
          {group.templates.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                data-testid="template-row"
                aria-current={t.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(t.id)}
              >
                {t.title}
                <span className="muted">
                  {' '}
                  · {t.scope}
                  {t.shortcut && ` · /${t.shortcut}`}
                </span>
              </button>
            </li>
          ))}
        </FolderGroup>
      ))}
    </div>
  );
}
