import { type Tag, type TagCount, TagName } from '../../schema';

/** A few colours that read on light and dark backgrounds; any other comes from the picker. */
export const PRESET_COLOURS = ['#6b7280', '#dc2626', '#d97706', '#16a34a', '#0891b2', '#7c3aed'];

/** Live tags first, then archived ones, each by name. */
export function sortTags(tags: readonly Tag[]): Tag[] {
  return [...tags].sort(
    (a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name),
  );
}

/** Why `name` cannot be a tag's name (or the new name of `exceptId`), or null when it can. */
export function tagNameProblem(
  name: string,
  tags: readonly Tag[],
  exceptId?: string,
): string | null {
  const parsed = TagName.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a tag name';
  const taken = tags.some((t) => t.id !== exceptId && t.name === parsed.data);
  return taken ? `A tag named "${parsed.data}" exists` : null;
}

/** The tags `sourceId` may merge into: every other one, live before archived. */
export const mergeTargets = (tags: readonly Tag[], sourceId: string) =>
  sortTags(tags.filter((t) => t.id !== sourceId));

/** Open conversations per tag id; a tag the counts do not list has none known. */
export const openCounts = (counts: readonly TagCount[] | undefined) =>
  new Map((counts ?? []).map((c) => [c.tagId, c.open]));

export const isColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value);
