import { useId, useMemo, useState } from 'react';
import { listedFor } from '../../../lib/options/templates/access';
import { Empty, LoadFailed, Loading, OfflineBanner } from '../common/States';
import type { SectionProps } from '../section-props';
import { ImportExport } from './ImportExport';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import { useTemplateSearch } from './use-template-search';
import { useTemplateList } from './use-templates';
import '../common/pages.css';
import './templates.css';

/** Templates: search and folders on the left, the open template (or a new one) on the right. */
export function TemplatesPage({ session }: SectionProps) {
  const searchId = useId();
  const list = useTemplateList();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const memberId = session.member.id;
  const role = session.role;
  const templates = useMemo(
    () => listedFor(list.data?.items ?? [], { memberId, role }),
    [list.data, memberId, role],
  );
  const found = useTemplateSearch(templates, query);
  const folders = useMemo(
    () => [...new Set(templates.flatMap((t) => (t.folder ? [t.folder] : [])))].sort(),
    [templates],
  );
  const offline = list.data?.offline ?? false;
  const open = selected === 'new' ? null : templates.find((t) => t.id === selected);

  return (
    <div className="page templates-page">
      <h2>{session.role === 'agent' ? 'My templates' : 'Templates'}</h2>
      {offline && <OfflineBanner what="templates" retry={() => void list.refetch()} />}
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 12 }}>
        <button
          type="button"
          disabled={offline}
          data-testid="template-new"
          onClick={() => setSelected('new')}
        >
          New template
        </button>
        <ImportExport offline={offline} />
      </div>
      {list.isPending ? (
        <Loading what="templates" />
      ) : list.error ? (
        <LoadFailed what="templates" error={list.error} retry={() => void list.refetch()} />
      ) : (
        <div className="templates">
          <div>
            <label htmlFor={searchId} style={{ marginTop: 0 }}>
              Search templates
            </label>
            <input
              id={searchId}
              type="search"
              data-testid="template-search"
              placeholder="Title, text, shortcut, folder or tag"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              style={{ marginBottom: 8 }}
            />
            {templates.length === 0 ? (
              <Empty>No templates yet. Create one, or import a JSON file.</Empty>
            ) : (
              <TemplateList
                templates={found}
                total={templates.length}
                selectedId={open?.id ?? null}
                onSelect={setSelected}
              />
            )}
          </div>
          {selected === 'new' || open ? (
            <TemplateEditor
              key={open?.id ?? 'new'}
              template={open ?? null}
              session={session}
              offline={offline}
              folders={folders}
              onSelect={setSelected}
            />
          ) : (
            <Empty>Choose a template to edit it, or create a new one.</Empty>
          )}
        </div>
      )}
    </div>
  );
}
