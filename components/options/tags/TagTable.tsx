import { openCounts, sortTags } from '../../../lib/options/tags/tags';
import type { Tag, TagCount } from '../../../lib/schema';
import { TagRow } from './TagRow';

type Props = { tags: readonly Tag[]; counts: readonly TagCount[] | undefined; editable: boolean };

export function TagTable({ tags, counts, editable }: Props) {
  const open = openCounts(counts);
  return (
    <table className="data-table" data-testid="tag-table">
      <caption className="sr-only">Tags</caption>
      <thead>
        <tr>
          <th scope="col">Tag</th>
          <th scope="col">Open conversations</th>
          {editable && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {sortTags(tags).map((tag) => (
          <TagRow
            key={tag.id}
            tag={tag}
            tags={tags}
            openCount={counts ? (open.get(tag.id) ?? 0) : undefined}
            editable={editable}
          />
        ))}
      </tbody>
    </table>
  );
}
