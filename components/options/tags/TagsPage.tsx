import { may } from '../../../lib/options/capabilities';
import '../common/pages.css';
import { Problem } from '../common/Problem';
import { Empty, LoadFailed, Loading, OfflineBanner } from '../common/States';
import type { SectionProps } from '../section-props';
import { NewTagForm } from './NewTagForm';
import { TagTable } from './TagTable';
import { useTagCounts, useTags } from './use-tags';

export function TagsPage({ session }: SectionProps) {
  const tags = useTags();
  const offline = tags.data?.offline ?? false;
  const counts = useTagCounts(Boolean(tags.data) && !offline);
  const editable = may(session.role, 'manageTags') && !offline;
  return (
    <section className="page" aria-labelledby="tags-title" data-testid="tags-page">
      <h2 id="tags-title">Tags</h2>
      <p className="muted">
        Tags label conversations across the workspace. Counts are of open conversations.
      </p>
      {tags.isPending ? (
        <Loading what="tags" />
      ) : tags.isError ? (
        <LoadFailed what="tags" error={tags.error} retry={() => void tags.refetch()} />
      ) : (
        <>
          {offline && <OfflineBanner what="tags" retry={() => void tags.refetch()} />}
          {editable && <NewTagForm tags={tags.data.items} />}
          <h3>All tags</h3>
          {counts.isError && <Problem error={counts.error} />}
          {tags.data.items.length === 0 ? (
            <Empty>
              No tags yet.{' '}
              {editable ? 'Create the first one above.' : 'Leads and admins create them.'}
            </Empty>
          ) : (
            <TagTable tags={tags.data.items} counts={counts.data} editable={editable} />
          )}
        </>
      )}
    </section>
  );
}
