import type { ComposeView } from '@inboxsdk/core';
import { keepCaret } from '../caret';
import type { OpenedCompose, SentReply } from '../types';
import { untilDestroyed } from './view-signal';

/** What a compose view tells of a send. */
export type SendingView = Pick<ComposeView, 'on' | 'isReply' | 'isForward'>;

/**
 * A reply that went out: InboxSDK's `sent` comes once Gmail accepted the message, before
 * the view is destroyed, and names the thread (in the legacy hex form rows and threads use).
 */
export function onSentReply(view: SendingView, handler: (sent: SentReply) => void) {
  view.on('sent', (event) => {
    if (!view.isReply() || view.isForward()) return;
    const at = new Date().toISOString();
    event
      .getThreadID()
      .then(
        (id) => id || null,
        () => null,
      )
      .then((threadId) => handler({ threadId, at }));
  });
}

export function toOpenedCompose(view: ComposeView): OpenedCompose {
  const signal = untilDestroyed(view);
  const caret = keepCaret(view.getBodyElement(), signal);
  return {
    element: view.getElement(),
    // A new message has no thread yet; InboxSDK may throw rather than answer empty.
    threadId: async () => {
      if (!view.isReply()) return null;
      try {
        return view.getThreadID() || null;
      } catch {
        return null;
      }
    },
    recipients: () =>
      view
        .getToRecipients()
        .map((c) => ({ email: c.emailAddress.toLowerCase(), name: c.name || null })),
    insertHtml: (html) => {
      view.insertHTMLIntoBodyAtCursor(html);
    },
    focusBody: caret.restore,
    addToolbarButton: (button) => {
      view.addButton({
        title: button.title,
        iconUrl: button.iconUrl,
        type: 'MODIFIER',
        onClick: () => button.onClick(),
      });
    },
    onSent: (handler) => onSentReply(view, handler),
    onPresending: (handler) => view.on('presending', (event) => handler(event)),
    signal,
  };
}
