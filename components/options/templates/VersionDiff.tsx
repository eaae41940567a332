import { diffWords } from '../../../lib/options/templates/diff';
import { changedFields, type Draft } from '../../../lib/options/templates/draft';
import { FIELD_LABELS, fieldText } from './FieldValue';

/** What changed from an old revision to the current one: the body word by word, the rest whole. */
export function VersionDiff({ from, to }: { from: Draft; to: Draft }) {
  const fields = changedFields(from, to);
  if (fields.length === 0) return <p className="muted">Same as the current version.</p>;
  return (
    <dl data-testid="version-diff">
      {fields.map((field) => (
        <div key={field}>
          <dt style={{ fontWeight: 600, marginTop: 8 }}>{FIELD_LABELS[field]}</dt>
          <dd style={{ margin: 0 }} className="diff">
            {field === 'body' ? (
              diffWords(from.body, to.body).map((part, i) =>
                part.kind === 'added' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
                  <ins key={i}>{part.text}</ins>
                ) : part.kind === 'removed' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  <del key={i}>{part.text}</del>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  <span key={i}>{part.text}</span>
                ),
              )
            ) : (
              <>
                <del>{fieldText(from, field)}</del> → <ins>{fieldText(to, field)}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
