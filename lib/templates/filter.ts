import type { Template } from '../schema';

/** A template's body as searchable text: tags dropped, the common entities read. */
export function bodyText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower is better: the shortcut typed exactly, then a title that starts so, then the rest. */
function rank(template: Template, query: string): number {
  const title = template.title.toLowerCase();
  if (template.shortcut === query) return 0;
  if (title.startsWith(query)) return 1;
  if (title.includes(query)) return 2;
  return 3;
}

/**
 * The templates whose title, shortcut, folder or body text contain every word typed
 * (any case), best match first, then the most used, then by title.
 */
export function filterTemplates(templates: readonly Template[], query: string): Template[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const matches = templates.filter((t) => {
    const text = [t.title, t.shortcut ?? '', t.folder ?? '', bodyText(t.body)]
      .join('\n')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return matches.sort(
    (a, b) =>
      rank(a, q) - rank(b, q) || b.usageCount - a.usageCount || a.title.localeCompare(b.title),
  );
}
