import type { ComposeView } from '@inboxsdk/core';
import { keepCaret } from '../caret';
import type { OpenedCompose } from '../types';
import { untilDestroyed } from './view-signal';

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
    signal,
  };
}
