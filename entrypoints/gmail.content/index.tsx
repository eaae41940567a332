import { defineContentScript } from 'wxt/utils/define-content-script';
import { createCommands } from '../../lib/features/commands';
import { conversationUpsert } from '../../lib/features/conversation-upsert';
import { errorMessage, type Reporter, startFeatures } from '../../lib/features/index';
import { keyboard } from '../../lib/features/keyboard';
import { listUpsert } from '../../lib/features/list-upsert';
import { queues } from '../../lib/features/queues';
import { rowChips } from '../../lib/features/row-chips';
import { templates } from '../../lib/features/templates';
import { threadSidebar } from '../../lib/features/thread-sidebar';
import { loadGmailHost } from '../../lib/hosts/gmail/adapter';
import { MessageFailed, send, subscribeChanges } from '../../lib/messaging';

const FEATURES = [
  conversationUpsert,
  listUpsert,
  threadSidebar,
  rowChips,
  queues,
  templates,
  keyboard,
];

/** Sends a failure to the background, which shows it in the popup; Gmail is left alone. */
const reporter: Reporter = (source, error) => {
  // Signed out is a state the sidebar explains, not a failure.
  if (error instanceof MessageFailed && error.code === 'not_signed_in') return;
  console.warn(`Sidedesk ${source}:`, error);
  send({ type: 'reportError', source: `gmail ${source}`, message: errorMessage(error) }).catch(
    () => {},
  );
};

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_end',
  async main(ctx) {
    try {
      const host = await loadGmailHost((error) => reporter('adapter', error));
      startFeatures(
        FEATURES,
        { host, background: { send, subscribe: subscribeChanges }, commands: createCommands() },
        reporter,
        ctx.signal,
      );
    } catch (error) {
      reporter('inboxsdk', error);
    }
  },
});
