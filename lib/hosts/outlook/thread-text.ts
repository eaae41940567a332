import type { ThreadRef, ThreadText } from '../../schema';
import { plainTextOf, trimQuotedText } from '../plain-text';
import { contactOf } from './contact';
import { messagesIn } from './conversation';
import { parseOutlookDate } from './dates';
import { normaliseId } from './ids';
import {
  BODY_QUOTE_START,
  BODY_QUOTED,
  CONVERSATION,
  CONVERSATION_ID_ATTRIBUTE,
  HEADING,
  MESSAGE_BODY,
  MESSAGE_TIME,
  PERSON,
  READING_PANE,
  RECIPIENT_WELL,
} from './selectors';

/**
 * The open conversation's messages as plain text, oldest first: each expanded message's
 * body without its quoted history; a collapsed one (no body on the page) has its sender
 * and date and empty text. Throws when the pane shows another conversation or nothing.
 */
export function readThreadText(doc: Document, ref: ThreadRef, lang: string): ThreadText {
  const pane = doc.querySelector(READING_PANE);
  if (!pane) throw new Error('the reading pane is gone');
  const container = pane.querySelector(CONVERSATION) ?? pane;
  const shownId = normaliseId(container.getAttribute(CONVERSATION_ID_ATTRIBUTE));
  if (shownId && shownId !== ref.threadId) {
    throw new Error('the reading pane moved on to another conversation');
  }
  const subject = [...pane.querySelectorAll(HEADING)].find(
    (heading) => container === pane || !container.contains(heading),
  );
  const messages = messagesIn(container).map((item) => {
    const time = item.querySelector(MESSAGE_TIME);
    const sender = [...item.querySelectorAll(PERSON)].find((p) => !p.closest(RECIPIENT_WELL));
    const contact = sender
      ? contactOf(sender.textContent ?? '', sender.getAttribute('title'))
      : null;
    const body = item.querySelector(MESSAGE_BODY);
    return {
      from: (contact
        ? contact.name
          ? `${contact.name} <${contact.email}>`
          : contact.email
        : sender?.textContent?.trim() || 'unknown sender'
      ).slice(0, 500),
      sentAt: parseOutlookDate(time?.getAttribute('title') || time?.textContent || '', lang),
      text: body
        ? trimQuotedText(plainTextOf(body, { drop: BODY_QUOTED, cutAfter: BODY_QUOTE_START }))
        : '',
    };
  });
  if (messages.length === 0) throw new Error('no message is shown');
  return {
    subject: (subject?.textContent ?? '').trim().slice(0, 998) || '(no subject)',
    messages: messages.slice(-200),
  };
}
