// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://outlook.office.com/mail/"}
import { afterEach, describe, expect, it } from 'vitest';
import { CONVERSATIONS, OUTLOOK_PATHS, SHARED_MAILBOX } from '../../testing/outlook-fixtures';
import { loadOutlookPage, settle } from '../../testing/outlook-page';
import type { OpenedThread } from '../types';
import { pageMailbox } from './account';
import { watchThreads } from './thread';

let stop = new AbortController();
afterEach(() => stop.abort());

function watch() {
  stop = new AbortController();
  const threads: OpenedThread[] = [];
  const explained: Array<string | null> = [];
  const reported: string[] = [];
  watchThreads(
    {
      doc: document,
      mailbox: () => pageMailbox(location, document),
      lang: () => document.documentElement.lang,
    },
    {
      mountConversation: (_panel, signal) => {
        const place = document.createElement('div');
        signal.addEventListener('abort', () => place.remove());
        return place;
      },
      explain: (problem) => explained.push(problem),
    },
    (thread) => threads.push(thread),
    stop.signal,
    (problem) => reported.push(problem),
  );
  const open = () => threads.filter((t) => !t.signal.aborted).map((t) => t.ref.threadId);
  return { threads, open, explained, reported };
}

/** What the browser's Back does (happy-dom has no history traversal): restore the URL, fire popstate. */
const back = async (path: string) => {
  history.replaceState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  await settle();
};

const click = async (id: string) => {
  document.querySelector<HTMLElement>(`[role="option"][data-convid="${id}"]`)?.click();
  await settle();
};

describe('conversations opened in Outlook', () => {
  it('are announced when a row is clicked, and closed when another is', async () => {
    loadOutlookPage('list-2026-11.html');
    const { threads, open } = watch();
    expect(threads).toEqual([]);
    await click(CONVERSATIONS.order);
    expect(open()).toEqual([CONVERSATIONS.order]);
    expect(threads[0]?.ref).toEqual({
      host: 'outlook',
      mailbox: SHARED_MAILBOX,
      threadId: CONVERSATIONS.order,
    });
    await click(CONVERSATIONS.refund);
    expect(threads[0]?.signal.aborted).toBe(true);
    expect(open()).toEqual([CONVERSATIONS.refund]);
    const read = await threads[1]?.read();
    expect(read).toMatchObject({
      ok: true,
      value: { subject: 'Refund request for invoice INV-2210' },
    });
    expect(await threads[1]?.readFirstMessage()).toBeNull();
  });

  it('follow the back and forward buttons', async () => {
    loadOutlookPage('list-2026-11.html');
    const { open } = watch();
    await click(CONVERSATIONS.order);
    const orderPath = location.pathname;
    await click(CONVERSATIONS.refund);
    await back(orderPath);
    expect(open()).toEqual([CONVERSATIONS.order]);
    await back(OUTLOOK_PATHS['list-2026-11.html']);
    expect(open()).toEqual([]);
  });

  it('are not re-announced when the pane re-renders the same conversation (a reply opens)', async () => {
    loadOutlookPage('reading-right-2026-11.html');
    const { threads } = watch();
    expect(threads).toHaveLength(1);
    document.querySelector<HTMLElement>('[data-fixture-action="reply"]')?.click();
    await settle();
    expect(document.querySelector('[role="textbox"][aria-multiline="true"]')).not.toBeNull();
    expect(threads).toHaveLength(1);
    expect(threads[0]?.signal.aborted).toBe(false);
  });

  it('work with the reading pane off, where the conversation replaces the list', async () => {
    loadOutlookPage('reading-off-2026-11.html');
    expect(document.querySelector('[data-app-section="MessageList"]')).toBeNull();
    const { threads, open } = watch();
    expect(open()).toEqual([CONVERSATIONS.order]);
    expect(await threads[0]?.read()).toMatchObject({ ok: true });
    await back(OUTLOOK_PATHS['list-2026-11.html']);
    expect(open()).toEqual([]);
    expect(document.querySelector('[data-app-section="MessageList"]')).not.toBeNull();
  });

  it('that carry no conversation id are explained and reported, never announced', async () => {
    loadOutlookPage('reading-right-2026-11.html', { script: false });
    document
      .querySelector('[data-app-section="ConversationContainer"]')
      ?.removeAttribute('data-convid');
    for (const row of document.querySelectorAll('[role="option"]'))
      row.removeAttribute('data-convid');
    const { threads, explained, reported } = watch();
    expect(threads).toEqual([]);
    expect(explained).toEqual([expect.stringMatching(/no conversation id/)]);
    expect(reported).toHaveLength(1);
  });

  it('read as not readable when closed before their messages showed', async () => {
    loadOutlookPage('reading-right-2026-11.html', { script: false });
    for (const time of document.querySelectorAll('[data-testid="SentReceivedSavedTime"]'))
      time.remove();
    const { threads } = watch();
    const reading = threads[0]?.read();
    stop.abort();
    expect(await reading).toEqual({
      ok: false,
      message: 'Outlook conversation not read: it was closed before it was read',
    });
  });
});
