/** A list the page shows, and whether it came from the extension's cache (API unreachable). */
export type Listed<T> = { items: T[]; offline: boolean };

type WithId = { id: string };

/** The list with one item changed: what an optimistic update shows before the API answers. */
export function patchItem<T extends WithId>(
  list: Listed<T> | undefined,
  id: string,
  patch: Partial<T>,
): Listed<T> | undefined {
  if (!list) return list;
  return {
    ...list,
    items: list.items.map((item) => (item.id === id ? { ...item, ...patch } : item)),
  };
}

/** The list with `item` in place of the one with its id, or added at the end. */
export function putItem<T extends WithId>(
  list: Listed<T> | undefined,
  item: T,
): Listed<T> | undefined {
  if (!list) return list;
  const found = list.items.some((i) => i.id === item.id);
  return {
    ...list,
    items: found ? list.items.map((i) => (i.id === item.id ? item : i)) : [...list.items, item],
  };
}

export function dropItem<T extends WithId>(list: Listed<T> | undefined, id: string) {
  if (!list) return list;
  return { ...list, items: list.items.filter((i) => i.id !== id) };
}
