import { type FormEvent, useId, useState } from 'react';
import { mergeTargets } from '../../../lib/options/tags/tags';
import type { Tag } from '../../../lib/schema';
import { Dialog } from '../common/Dialog';
import { Problem } from '../common/Problem';
import { useMergeTag } from './use-tags';

type Props = {
  tag: Tag;
  tags: readonly Tag[];
  open: boolean;
  openCount: number | undefined;
  onClose: () => void;
};

/** Pick the tag that absorbs this one, then confirm: its conversations follow, it goes. */
export function MergeDialog({ tag, tags, open, openCount, onClose }: Props) {
  return (
    <Dialog open={open} title={`Merge “${tag.name}”`} onClose={onClose} testId="merge-tag-dialog">
      <MergeForm tag={tag} tags={tags} openCount={openCount} onDone={onClose} />
    </Dialog>
  );
}

function MergeForm({
  tag,
  tags,
  openCount,
  onDone,
}: Omit<Props, 'open' | 'onClose'> & { onDone: () => void }) {
  const targets = mergeTargets(tags, tag.id);
  const [into, setInto] = useState('');
  const merge = useMergeTag(tag.id);
  const selectId = useId();
  const target = targets.find((t) => t.id === into);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target) merge.mutate(target.id, { onSuccess: onDone });
  };
  if (targets.length === 0) {
    return (
      <>
        <p>There is no other tag to merge into.</p>
        <div className="actions">
          <button type="button" onClick={onDone}>
            Close
          </button>
        </div>
      </>
    );
  }
  return (
    <form onSubmit={submit}>
      <label htmlFor={selectId}>Merge into</label>
      <select
        id={selectId}
        value={into}
        onChange={(e) => setInto(e.target.value)}
        data-testid="merge-target"
        required
      >
        <option value="">Choose a tag…</option>
        {targets.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
            {t.archived ? ' (archived)' : ''}
          </option>
        ))}
      </select>
      {target && (
        <p data-testid="merge-summary">
          Every conversation and template tagged “{tag.name}”
          {openCount === undefined ? '' : ` (${openCount} open)`} will be tagged “{target.name}”
          instead, and “{tag.name}” will be deleted. This cannot be undone.
        </p>
      )}
      <Problem error={merge.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" disabled={!target || merge.isPending} data-testid="confirm-merge">
          {merge.isPending ? 'Merging…' : 'Merge'}
        </button>
      </div>
    </form>
  );
}
