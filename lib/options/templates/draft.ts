import type { Template, TemplateContent, TemplateScope, UpdateTemplate } from '../../schema';

/** What the editor changes: a template's content. */
export type Draft = TemplateContent;

export const FIELDS = [
  'title',
  'body',
  'scope',
  'teamId',
  'folder',
  'shortcut',
  'tags',
  'instruction',
] as const satisfies readonly (keyof Draft)[];
export type Field = (typeof FIELDS)[number];

export const contentOf = (t: Template): Draft =>
  Object.fromEntries(FIELDS.map((f) => [f, t[f]])) as Draft;

export const emptyDraft = (scope: TemplateScope): Draft => ({
  title: '',
  body: '',
  scope,
  teamId: null,
  folder: null,
  shortcut: null,
  tags: [],
  instruction: null,
});

export const sameValue = (a: Draft[Field], b: Draft[Field]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two contents. */
export const changedFields = (from: Draft, to: Draft): Field[] =>
  FIELDS.filter((f) => !sameValue(from[f], to[f]));

/** A PATCH body: the fields the draft changed, and the revision it was made from. */
export function patchOf(from: Draft, to: Draft, revision: number): UpdateTemplate {
  const patch: Record<string, unknown> = { revision };
  for (const f of changedFields(from, to)) patch[f] = to[f];
  return patch as UpdateTemplate;
}

/** Empty optional fields are stored as null, as the API stores them. */
export function normalised(draft: Draft): Draft {
  const blank = (v: string | null) => (v?.trim() ? v.trim() : null);
  return {
    ...draft,
    title: draft.title.trim(),
    folder: blank(draft.folder),
    shortcut: blank(draft.shortcut),
    instruction: blank(draft.instruction),
    teamId: draft.scope === 'team' ? draft.teamId : null,
  };
}
