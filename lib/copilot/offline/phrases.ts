/** Text as phrase lists read it: lowercase, one kind of apostrophe, single spaces. */
export const normalise = (text: string) =>
  text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** Phrase sources (regex syntax) matched as whole words. */
export function phrases(sources: readonly string[]): RegExp[] {
  return sources.map((s) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${s})(?![\\p{L}\\p{N}])`, 'u'));
}

/** What each phrase found in the normalised text, in list order, once each. */
export function found(text: string, list: readonly RegExp[]): string[] {
  const hits = list.map((p) => p.exec(text)?.[0]).filter((m): m is string => m !== undefined);
  return [...new Set(hits)];
}

export const quote = (hits: readonly string[], max = 3) =>
  hits
    .slice(0, max)
    .map((h) => `'${h}'`)
    .join(', ');
