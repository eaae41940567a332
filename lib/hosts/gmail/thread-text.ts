import type { ThreadText } from '../../schema';
import { plainTextOf, trimQuotedText } from '../plain-text';
import { parseGmailDate } from './gmail-date';
import { QUOTED_HISTORY } from './selectors';

/**
 * One message as the thread view shows it: its body element only when Gmail rendered it
 * expanded; a collapsed or hidden ("N older messages") one gives what its header tells.
 */
export interface MessageText {
  sender: { emailAddress: string; name?: string | null } | null;
  /** Gmail's date title ("Mon, Nov 16, 2026, 8:41 AM"); empty when not shown. */
  date: string;
  body: Element | null;
}

/** How a sender is written in the text the copilot reads. */
export const senderLine = (sender: MessageText['sender']): string => {
  if (!sender) return 'unknown sender';
  const name = sender.name?.trim();
  const email = sender.emailAddress.trim().toLowerCase();
  return (name && name !== email ? `${name} <${email}>` : email).slice(0, 500);
};

/**
 * The thread's text: each message's body without its quoted history. A message whose body
 * is not on the page has empty text, so the sidebar can say how many were left out.
 */
export function buildThreadText(subject: string, messages: readonly MessageText[]): ThreadText {
  if (messages.length === 0) throw new Error('Gmail shows no message in this thread');
  return {
    subject: subject.trim().slice(0, 998) || '(no subject)',
    messages: messages.slice(-200).map((m) => ({
      from: senderLine(m.sender),
      sentAt: m.date ? parseGmailDate(m.date) : null,
      text: m.body ? trimQuotedText(plainTextOf(m.body, { drop: QUOTED_HISTORY })) : '',
    })),
  };
}
