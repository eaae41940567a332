import type { ComposeView } from '@inboxsdk/core';
import type { OpenedCompose } from '../types';
import { untilDestroyed } from './view-signal';

export function toOpenedCompose(view: ComposeView): OpenedCompose {
  const signal = untilDestroyed(view);
  const body = view.getBodyElement();
  // Our pickers take the focus; putting it back must put the caret back where it was.
  let caret: Range | null = null;
  document.addEventListener(
    'selectionchange',
    () => {
      const selection = document.getSelection();
      if (selection?.rangeCount && body.contains(selection.anchorNode))
        caret = selection.getRangeAt(0).cloneRange();
    },
    { signal },
  );
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
    focusBody: () => {
      body.focus();
      const selection = document.getSelection();
      if (!caret || !selection) return;
      selection.removeAllRanges();
      selection.addRange(caret);
    },
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
