import * as InboxSDK from '@inboxsdk/core';
import type { MailHost } from '../types';
import { APP_ID } from './app-id';
import { toOpenedCompose } from './compose';
import { addQueueNav } from './nav';
import { gotoQueue, gotoThread, handleQueues } from './queues';
import { replyDrafts } from './reply';
import { toThreadRow } from './row';
import { observeTheme } from './theme';
import { toOpenedThread } from './thread';

/**
 * Gmail through InboxSDK. Rejects when InboxSDK cannot start (Gmail changed); a handler
 * whose view cannot be read is skipped and `onError` hears why, once per view.
 */
export async function loadGmailHost(onError: (error: unknown) => void): Promise<MailHost> {
  const sdk = await InboxSDK.load(2, APP_ID, { appName: 'Sidedesk' });
  const mailbox = sdk.User.getEmailAddress().toLowerCase();
  const until = (signal: AbortSignal, unregister: () => void) =>
    signal.addEventListener('abort', unregister, { once: true });
  const deliver =
    <V, T>(convert: (view: V) => Promise<T>, handler: (value: T) => void) =>
    (view: V) => {
      convert(view).then(handler, onError);
    };

  const openReply = replyDrafts((handler) => sdk.Compose.registerComposeViewHandler(handler));

  return {
    host: 'gmail',
    mailbox,
    onThreadRow(handler, signal) {
      const convert = (view: InboxSDK.ThreadRowView) => toThreadRow(view, mailbox);
      until(signal, sdk.Lists.registerThreadRowViewHandler(deliver(convert, handler)));
    },
    onThreadOpened(handler, signal) {
      const convert = (view: InboxSDK.ThreadView) => toOpenedThread(view, mailbox, openReply);
      until(signal, sdk.Conversations.registerThreadViewHandler(deliver(convert, handler)));
    },
    onComposeOpened(handler, signal) {
      until(
        signal,
        sdk.Compose.registerComposeViewHandler((view) => handler(toOpenedCompose(view))),
      );
    },
    onQueueShown: (handler, signal) => handleQueues(sdk.Router, handler, signal),
    openQueue: (queue) => gotoQueue(sdk.Router, queue),
    openThread: (threadId) => gotoThread(sdk.Router, threadId),
    addQueueNav: (title, items, signal) => addQueueNav(sdk.NavMenu, title, items, signal),
    describeShortcuts(shortcuts, signal) {
      const handles = shortcuts.map((s) => sdk.Keyboard.createShortcutHandle(s));
      until(signal, () => {
        for (const handle of handles) handle.remove();
      });
    },
    onThemeChange: (handler, signal) => observeTheme(document.body, handler, signal),
  };
}
