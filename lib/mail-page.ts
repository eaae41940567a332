import { createCommands } from './features/commands';
import { conversationUpsert } from './features/conversation-upsert';
import { errorMessage, type Reporter, startFeatures } from './features/index';
import { keyboard } from './features/keyboard';
import { listUpsert } from './features/list-upsert';
import { openRequests } from './features/open-requests';
import { queues } from './features/queues';
import { replyPresence } from './features/reply-presence';
import { replySent } from './features/reply-sent';
import { rowChips } from './features/row-chips';
import { templates } from './features/templates';
import { threadSidebar } from './features/thread-sidebar';
import type { MailHost } from './hosts/types';
import { MessageFailed, send, subscribeChanges } from './messaging';
import { connectPresence } from './presence-port';
import type { Host } from './schema';

const FEATURES = [
  conversationUpsert,
  listUpsert,
  threadSidebar,
  rowChips,
  queues,
  templates,
  replySent,
  replyPresence,
  openRequests,
  keyboard,
];

export interface MailPage {
  host: Host;
  /** Resolves with the host adapter; rejects when the page cannot be worked with. */
  load(onError: (error: unknown) => void, signal: AbortSignal): Promise<MailHost>;
  /** How a failed `load` is named in the popup ("gmail inboxsdk"). */
  loadSource: string;
}

/**
 * What every mail content script does: load its host adapter, then start the same
 * features on it. Failures go to the background, which shows the latest in the popup;
 * the mail page itself is left alone.
 */
export async function startMailPage(page: MailPage, signal: AbortSignal) {
  const reporter: Reporter = (source, error) => {
    // Signed out is a state the sidebar explains, not a failure.
    if (error instanceof MessageFailed && error.code === 'not_signed_in') return;
    console.warn(`Sidedesk ${source}:`, error);
    send({
      type: 'reportError',
      source: `${page.host} ${source}`,
      message: errorMessage(error),
    }).catch(() => {});
  };
  try {
    const host = await page.load((error) => reporter('adapter', error), signal);
    startFeatures(
      FEATURES,
      {
        host,
        background: { send, subscribe: subscribeChanges, presence: connectPresence },
        commands: createCommands(),
      },
      reporter,
      signal,
    );
  } catch (error) {
    reporter(page.loadSource, error);
  }
}
