// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://outlook.office.com/mail/"}
import { afterEach, describe, expect, it } from 'vitest';
import { CONVERSATIONS, SHARED_MAILBOX } from '../../testing/outlook-fixtures';
import { loadOutlookPage, settle } from '../../testing/outlook-page';
import type { ThreadRow } from '../types';
import { pageMailbox } from './account';
import { type PageContext, watchRows } from './list';
import { readRow } from './row';

let stop = new AbortController();
afterEach(() => stop.abort());

const page = (): PageContext => ({
  doc: document,
  mailbox: () => pageMailbox(location, document),
  lang: () => document.documentElement.lang,
});

function watch() {
  stop = new AbortController();
  const rows: ThreadRow[] = [];
  watchRows(page(), (row) => rows.push(row), stop.signal);
  const live = () => rows.filter((r) => !r.signal.aborted).map((r) => r.ref.threadId);
  return { rows, live };
}

const rowNode = (id: string) =>
  [...document.querySelectorAll('[role="option"]')].find(
    (n) => n.getAttribute('data-convid') === id,
  );
const chipsOn = (id: string) =>
  [
    ...(rowNode(id)?.querySelector('[data-sidedesk-chips]')?.shadowRoot?.querySelectorAll('span') ??
      []),
  ].map((s) => s.textContent);
const open = { text: 'open', foreground: '#0b5394', background: '#d8e7fb' };
const ana = { text: 'AS', foreground: '#fff', background: '#3c6e47' };

describe('Outlook list rows', () => {
  it('are read by attributes alone: conversation id, subject, sender, last message time', () => {
    loadOutlookPage('list-2026-11.html');
    const node = rowNode(CONVERSATIONS.order);
    expect(node && readRow(node, 'en')).toEqual({
      threadId: CONVERSATIONS.order,
      subject: 'Order #1042 arrived damaged',
      participants: [{ email: 'maria.lopez@customer.test', name: 'Maria Lopez' }],
      lastMessageAt: new Date(2026, 10, 17, 14, 2).toISOString(),
    });
  });

  it('read the same from the German page: labels and dates are translated, hooks are not', () => {
    loadOutlookPage('list-2026-11.html');
    const english = [...document.querySelectorAll('[role="option"]')].map((n) => readRow(n, 'en'));
    loadOutlookPage('list-de-2026-11.html');
    expect(document.documentElement.lang).toBe('de');
    const german = [...document.querySelectorAll('[role="option"]')].map((n) => readRow(n, 'de'));
    expect(german).toEqual(english);
  });

  it('never need Outlook’s hashed class names', () => {
    loadOutlookPage('list-2026-11.html');
    const before = [...document.querySelectorAll('[role="option"]')].map((n) => readRow(n, 'en'));
    for (const node of document.querySelectorAll('[class]')) node.removeAttribute('class');
    const after = [...document.querySelectorAll('[role="option"]')].map((n) => readRow(n, 'en'));
    expect(after).toEqual(before);
  });

  it('are each announced once, in the shared mailbox their page shows', async () => {
    loadOutlookPage('list-2026-11.html');
    const { rows, live } = watch();
    expect(live()).toEqual([
      CONVERSATIONS.order,
      CONVERSATIONS.shipping,
      CONVERSATIONS.refund,
      CONVERSATIONS.login,
    ]);
    expect(rows.every((r) => r.ref.mailbox === SHARED_MAILBOX && r.ref.host === 'outlook')).toBe(
      true,
    );
    const meta = await rows[0]?.read();
    expect(meta).toMatchObject({
      ok: true,
      value: {
        key: `thread:outlook:${SHARED_MAILBOX}:${CONVERSATIONS.order}`,
        firstMessageAt: null,
      },
    });
  });

  it('survive React replacing their nodes (selection, read state), chips included', async () => {
    loadOutlookPage('list-2026-11.html');
    const { rows, live } = watch();
    rows[0]?.setChips([ana, open]);
    const before = rowNode(CONVERSATIONS.order);
    expect(chipsOn(CONVERSATIONS.order)).toEqual(['AS', 'open']);

    (before as HTMLElement).click();
    await settle();
    const after = rowNode(CONVERSATIONS.order);
    expect(after).not.toBe(before);
    expect(after?.getAttribute('aria-selected')).toBe('true');
    expect(chipsOn(CONVERSATIONS.order)).toEqual(['AS', 'open']);
    expect(rows).toHaveLength(4);
    expect(live()).toHaveLength(4);
  });

  it('take chips set after a re-render onto the new node, keeping one style per row', async () => {
    loadOutlookPage('list-2026-11.html');
    const { rows } = watch();
    rows[0]?.setChips([open]);
    (rowNode(CONVERSATIONS.order) as HTMLElement).click();
    await settle();
    rows[0]?.setChips([ana, open]);
    rows[0]?.setChips([ana]);
    expect(chipsOn(CONVERSATIONS.order)).toEqual(['AS']);
    const shadow = rowNode(CONVERSATIONS.order)?.querySelector('[data-sidedesk-chips]')?.shadowRoot;
    expect(shadow?.querySelectorAll('style')).toHaveLength(1);
    // Only the row it belongs to is touched.
    expect(chipsOn(CONVERSATIONS.shipping)).toEqual([]);
  });

  it('follow the virtual list: rows scrolled away abort, rows scrolled in are announced', async () => {
    const list = loadOutlookPage('list-2026-11.html');
    const { rows, live } = watch();
    const order = rows[0];
    list.scrollTo(5);
    await settle();
    expect(order?.signal.aborted).toBe(true);
    expect(live()).toEqual([
      CONVERSATIONS.login,
      CONVERSATIONS.pricing,
      CONVERSATIONS.invoice,
      CONVERSATIONS.feature,
    ]);
    list.scrollTo(0);
    await settle();
    expect(live()).toContain(CONVERSATIONS.order);
    expect(rows.filter((r) => r.ref.threadId === CONVERSATIONS.order)).toHaveLength(2);
  });

  it('clear their chips on request, and draw nothing once aborted', async () => {
    loadOutlookPage('list-2026-11.html');
    const { rows } = watch();
    rows[1]?.setChips([open]);
    rows[1]?.setChips([]);
    expect(chipsOn(CONVERSATIONS.shipping)).toEqual([]);
    stop.abort();
    rows[1]?.setChips([open]);
    expect(chipsOn(CONVERSATIONS.shipping)).toEqual([]);
  });

  it('are not announced while the page’s mailbox is unknown', () => {
    loadOutlookPage('list-2026-11.html', { path: '/mail/inbox' });
    const { rows } = watch();
    expect(rows).toEqual([]);
  });
});
