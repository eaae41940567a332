import type { Tag } from '../schema';
import { TagName } from '../schema';

export type TagIntent =
  | { kind: 'add'; name: string }
  | { kind: 'create'; name: string }
  | { kind: 'refuse'; message: string };

/**
 * What typing a tag name means: adding the existing tag of that name (whatever its case),
 * or creating it, which only leads and admins may do.
 */
export function tagIntent(
  typed: string,
  tags: readonly Tag[],
  onConversation: readonly string[],
  canCreate: boolean,
): TagIntent {
  const parsed = TagName.safeParse(typed);
  if (!parsed.success) {
    return { kind: 'refuse', message: parsed.error.issues[0]?.message ?? 'not a tag name' };
  }
  const name = parsed.data;
  const existing = tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (existing?.archived)
    return { kind: 'refuse', message: `The tag "${existing.name}" is archived.` };
  if (existing && onConversation.includes(existing.name)) {
    return { kind: 'refuse', message: `This conversation is already tagged "${existing.name}".` };
  }
  if (existing) return { kind: 'add', name: existing.name };
  if (!canCreate) {
    return {
      kind: 'refuse',
      message: `There is no tag "${name}", and only leads and admins create tags.`,
    };
  }
  return { kind: 'create', name };
}
