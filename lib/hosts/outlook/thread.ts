import type { ThreadRef } from '../../schema';
import type { OpenedThread, SidebarPanel } from '../types';
import {
  messagesShown,
  openConversationId,
  paneShowsConversation,
  readConversation,
} from './conversation';
import type { PageContext } from './list';
import { openReply } from './reply';
import { readThreadText } from './thread-text';
import { onDomChange, waitFor } from './watch';

/** How long a read waits for the messages of a pane whose subject is already drawn. */
const MESSAGES_WAIT_MS = 5_000;

const NO_ID =
  'Sidedesk cannot tell which conversation Outlook shows: no conversation id is on the page.';

export interface ThreadPlace {
  /** Where the open conversation's sidebar goes; removed when `signal` aborts. */
  mountConversation(panel: SidebarPanel, signal: AbortSignal): HTMLElement;
  /** Why no sidebar can be shown for what the pane shows; null when there is no such reason. */
  explain(problem: string | null): void;
}

/**
 * Announces each conversation the reading pane opens (right, bottom, or in place of the
 * list), with a signal that aborts when the pane moves on. React swaps the pane's subtree
 * on every change, so the conversation is known by its id, never by its nodes.
 */
export function watchThreads(
  page: PageContext,
  place: ThreadPlace,
  handler: (thread: OpenedThread) => void,
  signal: AbortSignal,
  report: (problem: string) => void,
) {
  let current: { key: string; controller: AbortController } | null = null;
  let explained: string | null = null;
  const scan = () => {
    const shown = paneShowsConversation(page.doc);
    const mailbox = page.mailbox();
    const threadId = shown ? openConversationId(page.doc) : null;
    const problem = shown && !threadId ? NO_ID : null;
    if (problem !== explained) {
      explained = problem;
      place.explain(problem);
      if (problem) report(problem);
    }
    const key = mailbox && threadId ? `${mailbox} ${threadId}` : null;
    if (key === (current?.key ?? null)) return;
    current?.controller.abort();
    current = null;
    if (!key || !mailbox || !threadId) return;
    const controller = new AbortController();
    current = { key, controller };
    handler(opened(page, place, { host: 'outlook', mailbox, threadId }, controller.signal));
  };
  onDomChange(page.doc.body, scan, signal);
  signal.addEventListener('abort', () => current?.controller.abort(), { once: true });
  scan();
}

function opened(
  page: PageContext,
  place: ThreadPlace,
  ref: ThreadRef,
  signal: AbortSignal,
): OpenedThread {
  return {
    ref,
    async read() {
      try {
        await waitFor(
          page.doc.body,
          () => messagesShown(page.doc) || null,
          MESSAGES_WAIT_MS,
          signal,
        );
      } catch {
        const why = signal.aborted ? 'it was closed before it was read' : 'no message was shown';
        return { ok: false, message: `Outlook conversation not read: ${why}` };
      }
      return readConversation(page.doc, ref, page.lang());
    },
    // Outlook serves the page no raw message (no "Show original" a content script could
    // read), so there is no Message-ID: the conversation id keys the record instead.
    readFirstMessage: async () => null,
    mountSidebar: (panel) => place.mountConversation(panel, signal),
    readText: async () => readThreadText(page.doc, ref, page.lang()),
    openReply: () => openReply(page.doc, signal),
    signal,
  };
}
