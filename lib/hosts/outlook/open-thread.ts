import { mailboxFromPath } from './account';
import { normaliseId } from './ids';
import { CONVERSATION_ID_ATTRIBUTE, READ_CONVERSATION_PATH, ROW } from './selectors';

/**
 * Opens a conversation as a person would: a click on its row when the list shows it (so
 * Outlook's own handlers run), else Outlook's read-conversation deep link in this mailbox,
 * which reloads the page.
 */
export function openConversation(doc: Document, threadId: string) {
  const row = [...doc.querySelectorAll<HTMLElement>(ROW)].find(
    (node) => normaliseId(node.getAttribute(CONVERSATION_ID_ATTRIBUTE)) === threadId,
  );
  if (row) {
    row.click();
    return;
  }
  const mailbox = mailboxFromPath(doc.location.pathname);
  const base = mailbox ? `/mail/${encodeURIComponent(mailbox)}/` : '/mail/';
  doc.location.assign(`${base}${READ_CONVERSATION_PATH}${encodeURIComponent(threadId)}`);
}
