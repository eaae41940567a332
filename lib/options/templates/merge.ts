import { changedFields, type Draft, type Field } from './draft';

export type Side = 'mine' | 'theirs';

export interface MergeField {
  field: Field;
  /** Whether each side changed the field from the revision the edit started at. */
  mineChanged: boolean;
  theirsChanged: boolean;
}

/**
 * The fields where my draft and the saved template differ, each with who changed it since
 * the edit began; a field only they changed defaults to theirs, any other to mine.
 */
export function mergeFields(base: Draft, mine: Draft, theirs: Draft): MergeField[] {
  const mineChanged = new Set(changedFields(base, mine));
  const theirsChanged = new Set(changedFields(base, theirs));
  return changedFields(mine, theirs).map((field) => ({
    field,
    mineChanged: mineChanged.has(field),
    theirsChanged: theirsChanged.has(field),
  }));
}

export const defaultChoices = (fields: readonly MergeField[]): Record<string, Side> =>
  Object.fromEntries(fields.map((f) => [f.field, f.mineChanged ? 'mine' : 'theirs']));

/** The content to save: theirs, with the fields chosen as mine taken from my draft. */
export function merged(mine: Draft, theirs: Draft, choices: Partial<Record<Field, Side>>): Draft {
  const result: Record<string, unknown> = { ...theirs };
  for (const [field, side] of Object.entries(choices)) {
    if (side === 'mine') result[field] = mine[field as Field];
  }
  return result as Draft;
}
