import type { Member } from '../schema';

/** The `@word` being typed just before the caret: where it starts and what follows the `@`. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** Replaces the `@query` at `start` with `@Name ` and puts the caret after it. */
export function insertMention(
  text: string,
  caret: number,
  start: number,
  member: Pick<Member, 'name'>,
): { text: string; caret: number } {
  const token = `@${member.name} `;
  return { text: text.slice(0, start) + token + text.slice(caret), caret: start + token.length };
}

/** The picked members still mentioned by name in the body when it is sent. */
export function mentionedIds(body: string, picked: readonly Member[]): string[] {
  return [...new Set(picked.filter((m) => body.includes(`@${m.name}`)).map((m) => m.id))];
}

export type NoteSegment = { text: string; mention?: string };

/** Splits a note into plain text and the `@Name` of each member it mentions. */
export function noteSegments(body: string, mentioned: readonly Member[]): NoteSegment[] {
  // Longest names first, so "@Ana Agent" wins over an "@Ana" that is its prefix.
  const names = [...mentioned].sort((a, b) => b.name.length - a.name.length);
  const segments: NoteSegment[] = [];
  let plain = '';
  let i = 0;
  while (i < body.length) {
    const hit = body[i] === '@' ? names.find((m) => body.startsWith(`@${m.name}`, i)) : undefined;
    if (hit) {
      if (plain) segments.push({ text: plain });
      plain = '';
      segments.push({ text: `@${hit.name}`, mention: hit.id });
      i += hit.name.length + 1;
    } else {
      plain += body[i];
      i++;
    }
  }
  if (plain) segments.push({ text: plain });
  return segments;
}
