import type { ComposeView } from '@inboxsdk/core';
import type { OpenedCompose } from '../types';
import { untilDestroyed } from './view-signal';

export function toOpenedCompose(view: ComposeView): OpenedCompose {
  return {
    insertHtml: (html) => {
      view.insertHTMLIntoBodyAtCursor(html);
    },
    addToolbarButton: (button) => {
      view.addButton({
        title: button.title,
        iconUrl: button.iconUrl,
        type: 'MODIFIER',
        onClick: () => button.onClick(),
      });
    },
    signal: untilDestroyed(view),
  };
}
