import type { MailHost, OpenedCompose, OpenedThread, ThreadRow } from '../types';
import { pageMailbox } from './account';
import { watchComposes } from './compose';
import { hasMailHooks, isMailView, isOutlookClient } from './detect';
import { fanOut } from './fan-out';
import { type PageContext, watchRows } from './list';
import { openConversation } from './open-thread';
import { createDock } from './panel';
import { browserPanelStore, type PanelStore } from './panel-state';
import { panelQueues } from './queues';
import { observeTheme } from './theme';
import { watchThreads } from './thread';
import { onDomChange, waitFor } from './watch';

export interface OutlookOptions {
  /** Stops everything and removes the panel (the content script's context ended). */
  signal: AbortSignal;
  store: PanelStore;
  /** How long a mail page may take to show its list or reading pane. */
  hooksTimeoutMs: number;
}

const DEFAULTS = { store: browserPanelStore, hooksTimeoutMs: 30_000 };

const UNKNOWN_MAILBOX =
  'Sidedesk cannot tell which mailbox this is. Open a shared mailbox by its address, or open your account menu (your picture, top right) once so Outlook shows your address.';

/**
 * Outlook on the web through its DOM (no SDK exists). Resolves once the mail page shows
 * its list or reading pane and its mailbox is known. When the page is not recognised in
 * time it leaves Outlook alone, says so in the panel and rejects (reported once by the
 * caller); a conversation or row that cannot be read is skipped and `onError` hears why,
 * once per reason.
 */
export async function loadOutlookHost(
  onError: (error: unknown) => void,
  options: Partial<OutlookOptions> = {},
): Promise<MailHost> {
  const { store, hooksTimeoutMs } = { ...DEFAULTS, ...options };
  const signal = options.signal ?? new AbortController().signal;
  const doc = document;
  if (!isOutlookClient(doc)) throw new Error('not Outlook on the web’s mail client');
  // The calendar or people module may be where the page started; mail is a click away.
  await waitFor(doc.body, () => isMailView(doc.location.pathname) || null, Infinity, signal);
  const found = await waitFor(
    doc.body,
    () => hasMailHooks(doc) || null,
    hooksTimeoutMs,
    signal,
  ).then(
    () => true,
    (error: unknown) => {
      if (signal.aborted) throw error;
      return false;
    },
  );
  const dock = await createDock(doc, store, signal);
  if (!found) {
    const message = `Sidedesk does not recognise this Outlook page (no message list or reading pane after ${Math.round(hooksTimeoutMs / 1000)} s), so it stays out of the way. Outlook works as usual.`;
    dock.notice(message);
    throw new Error(message);
  }
  onDomChange(doc.body, () => dock.setHidden(!isMailView(doc.location.pathname)), signal);
  observeTheme(doc, (theme) => dock.setTheme(theme.frame), signal);

  const mailbox = () => pageMailbox(doc.location, doc);
  if (!mailbox()) dock.notice(UNKNOWN_MAILBOX);
  let known = await waitFor(doc.body, mailbox, Infinity, signal);
  dock.notice(null);

  const reported = new Set<string>();
  const report = (problem: string) => {
    if (reported.has(problem)) return;
    reported.add(problem);
    onError(new Error(problem));
  };
  const page: PageContext = {
    doc,
    mailbox,
    lang: () => doc.documentElement.lang || doc.defaultView?.navigator.language || 'en',
  };
  const queues = panelQueues(dock);
  const rows = fanOut<ThreadRow>((emit, until) => watchRows(page, emit, until));
  const threads = fanOut<OpenedThread>((emit, until) =>
    watchThreads(
      page,
      dock,
      (thread) => {
        queues.close();
        emit(thread);
      },
      until,
      report,
    ),
  );
  const composes = fanOut<OpenedCompose>((emit, until) => watchComposes(page, emit, until));
  return {
    host: 'outlook',
    /** The mailbox shown now; a tab can move between a shared mailbox and its own. */
    get mailbox() {
      known = mailbox() ?? known;
      return known;
    },
    onThreadRow: rows,
    onThreadOpened: threads,
    onComposeOpened: composes,
    onQueueShown: queues.onQueueShown,
    openQueue: queues.openQueue,
    addQueueNav: queues.addQueueNav,
    // Outlook's own shortcut help cannot be extended: the panel lists ours.
    describeShortcuts: (shortcuts, until) => dock.showShortcuts(shortcuts, until),
    openThread: async (threadId) => openConversation(doc, threadId),
    onThemeChange: (handler, until) => observeTheme(doc, handler, until),
  };
}
