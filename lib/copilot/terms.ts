/**
 * Words as the copilot compares them: lowercased, common words dropped, and a light
 * suffix strip so "charged", "charges" and "charging" meet (no dictionary ships offline).
 */
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before
  being below between both but by can could did do does doing down during each few for from
  further had has have having he her here hers herself him himself his how i if in into is it
  its itself just let me more most my myself no nor not of off on once only or other our ours
  ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were
  what when where which while who whom why will with would you your yours yourself yourselves
  hi hello dear hey regards best thanks thank cheers please pls kind also get got im ive its
  dont cant wont didnt doesnt isnt ill id one us via re fwd fw`.split(/\s+/),
);

export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && !word.endsWith('ses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.endsWith('e')) return word.slice(0, -1);
  return word;
}

/** One text's words, in order: lowercased, apostrophes dropped ("can't" → "cant"). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A word as indexed and searched; null for a common word that says nothing. */
export function termOf(word: string): string | null {
  const lower = word.toLowerCase().replace(/['’]/g, '');
  if (lower.length < 2 || STOP_WORDS.has(lower)) return null;
  return stem(lower);
}

export function terms(text: string): string[] {
  return words(text)
    .map(termOf)
    .filter((t): t is string => t !== null);
}
