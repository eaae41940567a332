import MiniSearch from 'minisearch';
import type { Template } from '../../schema';
import { bodyText } from '../../templates/filter';

type Indexed = Pick<Template, 'id' | 'title' | 'body' | 'shortcut' | 'folder' | 'tags'>;

const EXACT = {
  boost: { title: 3, shortcut: 3, tags: 2, folder: 1.5 },
  prefix: true,
  combineWith: 'AND',
} as const;

/** Typos are forgiven in longer words only: a short word fuzzed matches too much. */
const FORGIVING = { ...EXACT, fuzzy: (term: string) => (term.length > 4 ? 0.2 : false) };

/** A full-text index over title, body text (HTML stripped), shortcut, folder and tags. */
export type TemplateIndex = MiniSearch<Indexed>;

export function buildTemplateIndex(templates: readonly Indexed[]): TemplateIndex {
  const index = new MiniSearch<Indexed>({
    fields: ['title', 'body', 'shortcut', 'folder', 'tags'],
    extractField: (t, field) => {
      if (field === 'body') return bodyText(t.body);
      if (field === 'tags') return t.tags.join(' ');
      return (t[field as keyof Indexed] as string | null) ?? '';
    },
    searchOptions: EXACT,
  });
  index.addAll(templates);
  return index;
}

/**
 * Brings an index from the `before` list to `after`: only added, changed (a new object) and
 * removed templates are touched, so a refetch of 5,000 costs what changed, not a rebuild.
 */
export function updateTemplateIndex<T extends Indexed>(
  index: TemplateIndex,
  before: readonly T[],
  after: readonly T[],
) {
  const old = new Map(before.map((t) => [t.id, t]));
  for (const t of after) {
    const was = old.get(t.id);
    old.delete(t.id);
    if (was === t) continue;
    if (was) index.replace(t);
    else index.add(t);
  }
  for (const id of old.keys()) index.discard(id);
}

const lookups = new WeakMap<readonly Indexed[], Map<string, Indexed>>();

/** The list by id, made once per list (a search per keystroke would otherwise remake it). */
function byIdOf<T extends Indexed>(templates: readonly T[]): Map<string, T> {
  let map = lookups.get(templates);
  if (!map) {
    map = new Map(templates.map((t) => [t.id, t]));
    lookups.set(templates, map);
  }
  return map as Map<string, T>;
}

/** The templates matching every word typed, best first; all of them for an empty query. */
export function searchTemplates<T extends Indexed>(
  index: TemplateIndex,
  templates: readonly T[],
  query: string,
): T[] {
  if (!query.trim()) return [...templates];
  let hits = index.search(query);
  // Fuzzy matching costs several times a plain search: only when the words as typed miss.
  if (hits.length === 0) hits = index.search(query, FORGIVING);
  const byId = byIdOf(templates);
  return hits.map((hit) => byId.get(hit.id)).filter((t): t is T => t !== undefined);
}

export interface FolderGroup<T> {
  /** null: templates outside any folder, listed last. */
  folder: string | null;
  templates: T[];
}

/** Groups by folder (by name, "no folder" last), keeping the order given inside a group. */
export function groupByFolder<T extends Pick<Template, 'folder'>>(
  templates: readonly T[],
): FolderGroup<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const t of templates) {
    const key = t.folder?.trim() || null;
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  return [...groups.entries()]
    .map(([folder, list]) => ({ folder, templates: list }))
    .sort((a, b) =>
      a.folder === null ? 1 : b.folder === null ? -1 : a.folder.localeCompare(b.folder),
    );
}
