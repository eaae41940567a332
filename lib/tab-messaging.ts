import { browser } from 'wxt/browser';
import { TabReply, TabRequest } from './schema/tab-messages';

/**
 * A mail page's end: answers the background's requests (never another page's: those
 * carry a tab) until `signal` aborts. Other runtime messages are left to their listeners.
 */
export function answerTabRequests(
  handler: (request: TabRequest) => Promise<TabReply>,
  signal: AbortSignal,
) {
  const listener: Parameters<typeof browser.runtime.onMessage.addListener>[0] = (
    raw,
    sender,
    reply,
  ) => {
    if (sender.id !== browser.runtime.id || sender.tab) return false;
    const request = TabRequest.safeParse(raw);
    if (!request.success) return false;
    handler(request.data).then(reply, () => reply({ opened: false } satisfies TabReply));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}

/** The background's end: null when the tab has no mail page of ours (or it did not answer). */
export async function askTab(tabId: number, request: TabRequest): Promise<TabReply | null> {
  try {
    const reply = TabReply.safeParse(await browser.tabs.sendMessage(tabId, request));
    return reply.success ? reply.data : null;
  } catch {
    return null;
  }
}
