import type { Draft, Field } from '../../../lib/options/templates/draft';
import { bodyText } from '../../../lib/templates/filter';

export const FIELD_LABELS: Record<Field, string> = {
  title: 'Title',
  body: 'Body',
  scope: 'Who can use it',
  teamId: 'Team',
  folder: 'Folder',
  shortcut: 'Shortcut',
  tags: 'Tags',
  instruction: 'Copilot instruction',
};

/** A field's value as text, for the merge and version views. */
export function fieldText(draft: Draft, field: Field): string {
  const value = draft[field];
  if (field === 'body') return bodyText(draft.body) || '(empty)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  return value === null || value === '' ? '(none)' : String(value);
}
