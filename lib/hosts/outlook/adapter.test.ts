// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://outlook.office.com/mail/"}
import { afterEach, describe, expect, it } from 'vitest';
import { CONVERSATIONS, SHARED_MAILBOX } from '../../testing/outlook-fixtures';
import { loadOutlookPage, settle } from '../../testing/outlook-page';
import type { OpenedThread, QueueView, ThreadRow } from '../types';
import { loadOutlookHost } from './adapter';
import { DEFAULT_PANEL } from './panel-state';

let stop = new AbortController();
afterEach(() => stop.abort());

const store = { load: async () => DEFAULT_PANEL, save: async () => {} };

function load(hooksTimeoutMs = 200) {
  stop = new AbortController();
  const errors: unknown[] = [];
  const host = loadOutlookHost((e) => errors.push(e), {
    signal: stop.signal,
    store,
    hooksTimeoutMs,
  });
  return { host, errors };
}

const panel = () => document.getElementById('sidedesk-dock')?.shadowRoot;

describe('Outlook as a mail host', () => {
  it('serves rows, the open conversation and queue pages of the shared mailbox', async () => {
    loadOutlookPage('list-2026-11.html');
    const host = await load().host;
    expect(host).toMatchObject({ host: 'outlook', mailbox: SHARED_MAILBOX });

    const rows: ThreadRow[] = [];
    const threads: OpenedThread[] = [];
    const queues: QueueView[] = [];
    host.onThreadRow((row) => rows.push(row), stop.signal);
    host.onThreadOpened((thread) => threads.push(thread), stop.signal);
    host.onQueueShown((view) => queues.push(view), stop.signal);
    expect(rows.map((r) => r.ref.threadId)).toContain(CONVERSATIONS.order);

    const nav = host.addQueueNav('Sidedesk', [{ queue: 'mine', name: 'Mine' }], stop.signal);
    nav.setItems([
      { queue: 'mine', name: 'Mine' },
      { queue: 'tag:vip', name: '#vip' },
    ]);
    const links = () => [...(panel()?.querySelectorAll('nav button') ?? [])] as HTMLElement[];
    expect(links().map((b) => b.textContent)).toEqual(['Mine', '#vip']);
    links()[1]?.click();
    expect(queues.map((q) => q.queue)).toEqual(['tag:vip']);
    expect(queues[0]?.element.isConnected).toBe(true);
    expect(links()[1]?.getAttribute('aria-current')).toBe('page');

    // Opening a conversation (from the queue page, or in Outlook) shows it instead.
    await host.openThread(CONVERSATIONS.refund);
    await settle();
    expect(threads.map((t) => t.ref.threadId)).toEqual([CONVERSATIONS.refund]);
    expect(queues[0]?.signal.aborted).toBe(true);
    const sidebar = threads[0]?.mountSidebar({ title: 'Sidedesk', iconUrl: 'data:,' });
    expect(sidebar?.isConnected).toBe(true);
    expect(panel()?.contains(sidebar ?? null)).toBe(true);

    await host.openQueue('mine');
    expect(queues.map((q) => q.queue)).toEqual(['tag:vip', 'mine']);
  });

  it('gives every feature the same rows and conversations, so one’s chips are not undone by another', async () => {
    loadOutlookPage('list-2026-11.html');
    const host = await load().host;
    const upsert: ThreadRow[] = [];
    const chips: ThreadRow[] = [];
    host.onThreadRow((row) => upsert.push(row), stop.signal);
    host.onThreadRow((row) => chips.push(row), stop.signal);
    expect(chips).toEqual(upsert);
    chips[0]?.setChips([{ text: 'open', foreground: '#000', background: '#eee' }]);
    const order = () =>
      document.querySelector<HTMLElement>(`[data-convid="${CONVERSATIONS.order}"]`);
    order()?.click();
    await settle();
    expect(order()?.getAttribute('aria-selected')).toBe('true');
    expect(document.querySelectorAll('[data-sidedesk-chips]')).toHaveLength(1);
    expect(order()?.querySelector('[data-sidedesk-chips]')).not.toBeNull();

    const sidebar: OpenedThread[] = [];
    const upserted: OpenedThread[] = [];
    host.onThreadOpened((thread) => sidebar.push(thread), stop.signal);
    host.onThreadOpened((thread) => upserted.push(thread), stop.signal);
    expect(sidebar).toHaveLength(1);
    expect(upserted).toEqual(sidebar);
  });

  it('lists its shortcuts in the panel, Outlook’s own help being closed to us', async () => {
    loadOutlookPage('list-2026-11.html');
    const host = await load().host;
    host.describeShortcuts(
      [{ chord: 'alt+shift+k', description: 'Take the open conversation' }],
      stop.signal,
    );
    expect(panel()?.querySelector('.shortcuts dt')?.textContent).toBe('Alt+Shift+K');
    expect(panel()?.querySelector<HTMLElement>('.shortcuts')?.hidden).toBe(false);
  });

  it('leaves a page it does not recognise alone, says so, and reads nothing', async () => {
    loadOutlookPage('list-changed-2026-11.html');
    const before = document.body.innerHTML;
    const { host, errors } = load(50);
    await expect(host).rejects.toThrow(/does not recognise this Outlook page/);
    expect(panel()?.querySelector('[role="alert"]')?.textContent).toMatch(/Outlook works as usual/);
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('[data-sidedesk-chips]')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('draws nothing when the page goes away while it waits for Outlook', async () => {
    loadOutlookPage('list-changed-2026-11.html');
    const { host } = load(10_000);
    stop.abort();
    await expect(host).rejects.toThrow();
    expect(document.getElementById('sidedesk-dock')).toBeNull();
  });

  it('does nothing at all where Outlook’s client is not', async () => {
    loadOutlookPage('list-2026-11.html');
    for (const node of document.querySelectorAll('link, script')) node.remove();
    await expect(load().host).rejects.toThrow(/not Outlook/);
    expect(document.getElementById('sidedesk-dock')).toBeNull();
  });

  it('waits, saying why, until it can tell which mailbox the page shows', async () => {
    loadOutlookPage('list-de-2026-11.html', { path: '/mail/inbox' });
    const { host } = load();
    let loaded = false;
    void host.then(() => (loaded = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loaded).toBe(false);
    expect(panel()?.querySelector('[role="alert"]')?.textContent).toMatch(/which mailbox/);
    const flyout = document.createElement('div');
    flyout.id = 'mectrl_currentAccount_secondary';
    flyout.textContent = 'ben@acme.test';
    document.body.append(flyout);
    expect((await host).mailbox).toBe('ben@acme.test');
    expect(panel()?.querySelector<HTMLElement>('[role="alert"]')?.hidden).toBe(true);
  });

  it('starts once the page moves from the calendar to mail', async () => {
    loadOutlookPage('list-2026-11.html', { path: '/calendar/view/week' });
    const { host } = load();
    await settle();
    expect(document.getElementById('sidedesk-dock')).toBeNull();
    history.pushState(null, '', '/mail/support@acme.test/inbox');
    document.body.append(document.createElement('div'));
    expect((await host).mailbox).toBe(SHARED_MAILBOX);
  });
});
