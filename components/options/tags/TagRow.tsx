import { useState } from 'react';
import type { Tag } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { EditTagDialog } from './EditTagDialog';
import { MergeDialog } from './MergeDialog';
import { useUpdateTag } from './use-tags';

type Props = {
  tag: Tag;
  tags: readonly Tag[];
  openCount: number | undefined;
  /** Whether this member may change tags (leads, admins) and the API is reachable. */
  editable: boolean;
};

export function TagRow({ tag, tags, openCount, editable }: Props) {
  const [dialog, setDialog] = useState<'edit' | 'merge' | null>(null);
  const archive = useUpdateTag(tag.id);
  const close = () => setDialog(null);
  return (
    <tr
      className={tag.archived ? 'row-archived' : undefined}
      data-testid="tag-row"
      data-tag-name={tag.name}
    >
      <th scope="row">
        <span className="swatch" style={{ background: tag.color }} aria-hidden="true" />
        {tag.name}
        {tag.archived && <span className="muted"> (archived)</span>}
      </th>
      <td data-testid="tag-open-count">{openCount ?? '—'}</td>
      {editable && (
        <td>
          <button type="button" className="secondary" onClick={() => setDialog('edit')}>
            Edit<span className="sr-only"> {tag.name}</span>
          </button>
          <button type="button" className="secondary" onClick={() => setDialog('merge')}>
            Merge<span className="sr-only"> {tag.name}</span>
          </button>
          <button
            type="button"
            className="secondary"
            disabled={archive.isPending}
            onClick={() => archive.mutate({ archived: !tag.archived })}
          >
            {tag.archived ? 'Unarchive' : 'Archive'}
            <span className="sr-only"> {tag.name}</span>
          </button>
          <Problem error={archive.error} />
          <EditTagDialog tag={tag} tags={tags} open={dialog === 'edit'} onClose={close} />
          <MergeDialog
            tag={tag}
            tags={tags}
            openCount={openCount}
            open={dialog === 'merge'}
            onClose={close}
          />
        </td>
      )}
    </tr>
  );
}
