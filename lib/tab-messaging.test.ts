import { describe, expect, it, vi } from 'vitest';

type Listener = (
  raw: unknown,
  sender: { id?: string; tab?: unknown },
  reply: (r: unknown) => void,
) => boolean;

/** One extension's runtime: the background's sendMessage reaches the tab's listeners. */
const runtime = vi.hoisted(() => {
  const listeners = new Set<Listener>();
  return {
    listeners,
    /** What chrome.tabs.sendMessage resolves with: the listener's reply, or undefined. */
    deliver(raw: unknown, sender: { id?: string; tab?: unknown } = { id: 'sidedesk' }) {
      return new Promise((resolve) => {
        let answered = false;
        for (const listener of listeners) {
          if (listener(raw, sender, resolve)) answered = true;
        }
        if (!answered) resolve(undefined);
      });
    },
  };
});

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: 'sidedesk',
      onMessage: {
        addListener: (l: Listener) => runtime.listeners.add(l),
        removeListener: (l: Listener) => runtime.listeners.delete(l),
      },
    },
    tabs: { sendMessage: (_tabId: number, request: unknown) => runtime.deliver(request) },
  },
}));

const { answerTabRequests, askTab } = await import('./tab-messaging');

const open = { type: 'sidedesk:openQueue', queue: 'breaching' } as const;

describe('requests from the background to a mail tab', () => {
  it('are answered by the tab, checked on both ends', async () => {
    const page = new AbortController();
    const handler = vi.fn(async () => ({ opened: true }));
    answerTabRequests(handler, page.signal);
    expect(await askTab(7, open)).toEqual({ opened: true });
    expect(handler).toHaveBeenCalledWith(open);
    page.abort();
    expect(await askTab(7, open)).toBeNull();
  });

  it('leave other messages, and other pages’ ones, to their listeners', async () => {
    const page = new AbortController();
    const handler = vi.fn(async () => ({ opened: true }));
    answerTabRequests(handler, page.signal);
    expect(
      await runtime.deliver({ type: 'sidedesk:openQueue', queue: 'everything' }),
    ).toBeUndefined();
    expect(await runtime.deliver(open, { id: 'sidedesk', tab: { id: 3 } })).toBeUndefined();
    expect(await runtime.deliver(open, { id: 'another-extension' })).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
    page.abort();
  });

  it('say not opened when the page failed to open it', async () => {
    const page = new AbortController();
    answerTabRequests(async () => {
      throw new Error('InboxSDK cannot route');
    }, page.signal);
    expect(await askTab(7, open)).toEqual({ opened: false });
    page.abort();
  });
});
