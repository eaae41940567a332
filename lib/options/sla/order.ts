type Ordered = { id: string; position: number };

/** Policies in match order: the first whose conditions hold applies. */
export const inOrder = <T extends Ordered>(items: readonly T[]) =>
  [...items].sort((a, b) => a.position - b.position);

/** The ids with `id` moved one place up (-1) or down (+1); null when it cannot move. */
export function moved(ids: readonly string[], id: string, delta: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** The items as `ids` orders them, positions renumbered: what a reorder shows at once. */
export function reordered<T extends Ordered>(items: readonly T[], ids: readonly string[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id, position) => {
    const item = byId.get(id);
    return item ? [{ ...item, position }] : [];
  });
}
