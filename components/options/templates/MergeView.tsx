import { useId, useState } from 'react';
import { contentOf, type Draft } from '../../../lib/options/templates/draft';
import {
  defaultChoices,
  merged,
  mergeFields,
  type Side,
} from '../../../lib/options/templates/merge';
import type { Template } from '../../../lib/schema';
import { FIELD_LABELS, fieldText } from './FieldValue';

type Props = {
  /** The content the edit started from. */
  base: Draft;
  mine: Draft;
  /** The template as saved meanwhile (the 409's `current`). */
  theirs: Template;
  onTakeTheirs: () => void;
  /** Saves the merged content over `theirs`' revision. */
  onSave: (content: Draft) => void;
};

/** Someone saved while this was being edited: choose per field, or one side whole. */
export function MergeView({ base, mine, theirs, onTakeTheirs, onSave }: Props) {
  const headingId = useId();
  const theirContent = contentOf(theirs);
  const fields = mergeFields(base, mine, theirContent);
  const [choices, setChoices] = useState<Record<string, Side>>(() => defaultChoices(fields));
  const result = merged(mine, theirContent, choices);

  return (
    <section className="banner" aria-labelledby={headingId} data-testid="merge-view">
      <h4 id={headingId} style={{ marginTop: 0 }}>
        This template changed while you edited it (now revision {theirs.revision})
      </h4>
      <p>
        Nothing was overwritten. Choose, field by field, which version to keep, then save again.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Theirs (saved)</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {fields.map(({ field, mineChanged, theirsChanged }) => (
            <tr key={field}>
              <th scope="row">{FIELD_LABELS[field]}</th>
              {(['theirs', 'mine'] as const).map((side) => (
                <td key={side}>
                  <label style={{ fontWeight: 'normal', margin: 0 }}>
                    <input
                      type="radio"
                      name={`${headingId}-${field}`}
                      checked={choices[field] === side}
                      onChange={() => setChoices({ ...choices, [field]: side })}
                    />{' '}
                    {fieldText(side === 'mine' ? mine : theirContent, field)}
                    {(side === 'mine' ? mineChanged : theirsChanged) && (
                      <span className="muted"> (changed)</span>
                    )}
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row" style={{ marginTop: 8 }}>
        <button type="button" data-testid="merge-save" onClick={() => onSave(result)}>
          Save with these choices
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            onSave(
              merged(mine, theirContent, Object.fromEntries(fields.map((f) => [f.field, 'mine']))),
            )
          }
        >
          Keep mine
        </button>
        <button type="button" className="secondary" onClick={onTakeTheirs}>
          Take theirs
        </button>
      </div>
    </section>
  );
}
