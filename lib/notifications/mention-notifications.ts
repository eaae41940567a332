import { noteAuthorName } from '../features/note-author';
import type { Member, Note } from '../schema';
import type { NotificationTarget } from './open-target';
import type { BrowserNotification } from './show';

/** `sidedesk-mention:<noteId>:<conversationId>`: one per note, opening its conversation. */
const PREFIX = 'sidedesk-mention:';
/** A note older than this when it reaches the cache (a bootstrap's history) tells nobody. */
const MENTION_WINDOW_MS = 24 * 3_600_000;
const EXCERPT_CHARS = 120;

/** A mention already shown (Dexie meta `mentionsShown`). */
export type ShownMention = Pick<Note, 'id' | 'createdAt'>;

const recent = (createdAt: string, now: number) => Date.parse(createdAt) >= now - MENTION_WINDOW_MS;

/**
 * Of the notes new to the cache, those that tell `me` they were mentioned: recent, by
 * someone else, and never shown before (nor twice in one batch).
 */
export function mentionsToShow(
  notes: readonly Note[],
  me: string,
  shown: readonly ShownMention[],
  now: number,
): Note[] {
  const seen = new Set(shown.map((s) => s.id));
  return notes.filter((note) => {
    if (seen.has(note.id) || note.authorId === me || !note.mentions.includes(me)) return false;
    seen.add(note.id);
    return recent(note.createdAt, now);
  });
}

/**
 * The shown list with `notes` added. Entries whose note is past the window go: such a
 * note can never notify again anyway, so the list stays as short as a day's mentions.
 */
export function rememberShown(
  shown: readonly ShownMention[],
  notes: readonly Note[],
  now: number,
): ShownMention[] {
  return [...shown, ...notes.map(({ id, createdAt }) => ({ id, createdAt }))].filter((s) =>
    recent(s.createdAt, now),
  );
}

/** The body on one line, cut to its first 120 characters. */
function excerpt(body: string): string {
  const chars = Array.from(body.replace(/\s+/g, ' ').trim());
  const start = chars.slice(0, EXCERPT_CHARS).join('');
  return chars.length > EXCERPT_CHARS ? `${start}…` : start;
}

/** "Ben mentioned you", with the conversation's subject and the start of the note. */
export function mentionNotification(
  note: Note,
  members: readonly Pick<Member, 'id' | 'name'>[],
  subject: string | null,
): BrowserNotification {
  return {
    id: `${PREFIX}${note.id}:${note.conversationId}`,
    title: `${noteAuthorName(note.authorId, members, null)} mentioned you`,
    message: `${subject || '(no subject)'} — ${excerpt(note.body)}`,
    contextMessage: 'Internal note',
  };
}

/** What a click on a mention notification opens; null for another's. */
export function mentionTarget(id: string): NotificationTarget | null {
  const match = /^sidedesk-mention:[^:]+:(.+)$/.exec(id);
  return match?.[1] ? { conversationId: match[1] } : null;
}
