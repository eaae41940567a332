import { CONVERSATION_ID_FORM, OPENED_ID_PATH } from './selectors';

/**
 * One spelling per Exchange id. Outlook percent-encodes ids in its URLs, and the REST form
 * of an id is URL-safe base64 (`-`, `_`) where the DOM carries the standard alphabet
 * (`+`, `/`); every id the adapter compares or records goes through here first.
 */
export function normaliseId(raw: string | null | undefined): string | null {
  let id = raw?.trim() ?? '';
  if (id.includes('%')) {
    try {
      id = decodeURIComponent(id);
    } catch {
      return null;
    }
  }
  if (/^[A-Za-z0-9_-]+=*$/.test(id) && /[-_]/.test(id)) {
    id = id.replaceAll('-', '+').replaceAll('_', '/');
  }
  return /^\S{1,512}$/.test(id) ? id : null;
}

/** The id the path opens (`/mail/id/…`, `/mail/inbox/id/…`, deep links), normalised. */
export function openedIdFromPath(pathname: string): string | null {
  return normaliseId(OPENED_ID_PATH.exec(pathname)?.[1]);
}

/**
 * The conversation the path opens, when its id is a conversation id: with conversation
 * view off, or in S3's live capture, the path holds an item id, which is not the key rows
 * are recorded under.
 */
export function conversationIdFromPath(pathname: string): string | null {
  const id = openedIdFromPath(pathname);
  return id && CONVERSATION_ID_FORM.test(id) ? id : null;
}
