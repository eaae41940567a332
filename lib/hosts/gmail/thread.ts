import type { MessageView, ThreadView } from '@inboxsdk/core';
import type { ThreadRef } from '../../schema';
import type { FirstMessage, OpenedThread } from '../types';
import { readFirstMessage as readFirst } from './first-message';
import { conversationKey } from './message-id';
import type { OpenReply } from './reply';
import { LEGACY_MESSAGE_ID } from './selectors';
import { buildThreadMeta, type ContactFacts, type MessageFacts } from './thread-meta';
import { buildThreadText, type MessageText } from './thread-text';
import { untilDestroyed } from './view-signal';

/** getRecipientsFull waits on Gmail's own traffic; past this, addresses without names. */
const RECIPIENTS_WAIT_MS = 2_000;

export async function toOpenedThread(
  view: ThreadView,
  mailbox: string,
  openReply: OpenReply,
): Promise<OpenedThread> {
  const signal = untilDestroyed(view);
  const ref: ThreadRef = { host: 'gmail', mailbox, threadId: await view.getThreadIDAsync() };

  const readFirstMessage = (): Promise<FirstMessage | null> =>
    readFirst(firstMessageId(view) ?? ref.threadId, signal);

  return {
    ref,
    readFirstMessage,
    async read() {
      try {
        const [first, messages] = await Promise.all([
          readFirstMessage(),
          Promise.all(view.getMessageViewsAll().map(messageFacts)),
        ]);
        return buildThreadMeta({
          ref,
          key: conversationKey(first, ref),
          subject: view.getSubject(),
          messages,
          firstSentAt: first?.sentAt ?? null,
        });
      } catch (error) {
        return { ok: false, message: `Gmail thread not fully read: ${String(error)}` };
      }
    },
    mountSidebar(panel) {
      const el = document.createElement('div');
      // InboxSDK removes a thread's panels itself when the thread closes.
      view.addSidebarContentPanel({ el, title: panel.title, iconUrl: panel.iconUrl });
      return el;
    },
    readText: async () =>
      buildThreadText(view.getSubject(), view.getMessageViewsAll().map(messageText)),
    openReply: () => openReply(view, ref.threadId, signal),
    signal,
  };
}

/** A message's text where Gmail shows its body; a collapsed one tells its header at most. */
function messageText(message: MessageView): MessageText {
  const shown = message.getViewState() === 'EXPANDED' && message.isLoaded();
  const attempt = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch {
      return null;
    }
  };
  return {
    sender: attempt(() => message.getSender()),
    date: shown ? (attempt(() => message.getDateString()) ?? '') : '',
    body: shown ? attempt(() => message.getBodyElement()) : null,
  };
}

/**
 * The first message's legacy id, read from the DOM because a collapsed MessageView
 * refuses getMessageID(). Where Gmail did not render it, the thread id stands in: a
 * Gmail thread's id is its first message's id.
 */
function firstMessageId(view: ThreadView): string | null {
  const first = view.getMessageViewsAll()[0]?.getElement();
  return first?.querySelector(LEGACY_MESSAGE_ID)?.getAttribute('data-legacy-message-id') ?? null;
}

async function messageFacts(message: MessageView): Promise<MessageFacts> {
  if (message.getViewState() !== 'EXPANDED') return { state: 'unread' };
  if (!message.isLoaded()) throw new Error('an expanded message is still loading');
  return {
    state: 'shown',
    sender: message.getSender(),
    recipients: await recipientsOf(message),
    date: message.getDateString(),
  };
}

async function recipientsOf(message: MessageView): Promise<ContactFacts[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), RECIPIENTS_WAIT_MS);
  });
  try {
    const full = await Promise.race([message.getRecipientsFull(), late]);
    return full ?? message.getRecipientEmailAddresses().map((emailAddress) => ({ emailAddress }));
  } finally {
    clearTimeout(timer);
  }
}
