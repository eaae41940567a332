// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://outlook.office.com/mail/"}
import { describe, expect, it } from 'vitest';
import type { ThreadRef } from '../../schema';
import { CONVERSATIONS, ORDER_ITEM, SHARED_MAILBOX } from '../../testing/outlook-fixtures';
import { loadOutlookPage, settle } from '../../testing/outlook-page';
import { openConversationId, paneShowsConversation, readConversation } from './conversation';

const order: ThreadRef = {
  host: 'outlook',
  mailbox: SHARED_MAILBOX,
  threadId: CONVERSATIONS.order,
};
const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).toISOString();
const orderMeta = {
  key: `thread:outlook:${SHARED_MAILBOX}:${CONVERSATIONS.order}`,
  host: 'outlook',
  ref: order,
  subject: 'Order #1042 arrived damaged',
  participants: [{ email: 'maria.lopez@customer.test', name: 'Maria Lopez' }],
  firstMessageAt: local(2026, 11, 16, 8, 41),
  lastMessageAt: local(2026, 11, 17, 14, 2),
};

describe('the open Outlook conversation', () => {
  it.each([
    'reading-right-2026-11.html',
    'reading-bottom-2026-11.html',
    'reading-off-2026-11.html',
    'compose-2026-11.html',
  ] as const)('is read whole from %s', (file) => {
    loadOutlookPage(file);
    expect(paneShowsConversation(document)).toBe(true);
    expect(openConversationId(document)).toBe(CONVERSATIONS.order);
    expect(readConversation(document, order, 'en')).toEqual({ ok: true, value: orderMeta });
  });

  it('is read the same in German', async () => {
    loadOutlookPage('list-de-2026-11.html');
    const row = document.querySelector<HTMLElement>(`[data-convid="${CONVERSATIONS.order}"]`);
    row?.click();
    await settle();
    expect(location.pathname).toBe(
      `/mail/${encodeURIComponent(SHARED_MAILBOX)}/inbox/id/${encodeURIComponent(CONVERSATIONS.order)}`,
    );
    expect(document.querySelector('[role="document"]')?.getAttribute('aria-label')).toBe(
      'Nachrichtentext',
    );
    expect(readConversation(document, order, 'de')).toEqual({ ok: true, value: orderMeta });
  });

  it('is known by the pane’s id, else the selected row, else a conversation id in the path', () => {
    loadOutlookPage('reading-right-2026-11.html');
    document
      .querySelector('[data-app-section="ConversationContainer"]')
      ?.removeAttribute('data-convid');
    expect(openConversationId(document)).toBe(CONVERSATIONS.order);
    for (const row of document.querySelectorAll('[aria-selected="true"]'))
      row.setAttribute('aria-selected', 'false');
    // The path names an item (as S3 saw live), which is not the conversation's key.
    expect(location.pathname).toContain(encodeURIComponent(ORDER_ITEM));
    expect(openConversationId(document)).toBeNull();
    history.replaceState(null, '', `/mail/inbox/id/${encodeURIComponent(CONVERSATIONS.order)}`);
    expect(openConversationId(document)).toBe(CONVERSATIONS.order);
  });

  it('is not read when the pane already shows another conversation', () => {
    loadOutlookPage('reading-right-2026-11.html');
    const refund = { ...order, threadId: CONVERSATIONS.refund };
    expect(readConversation(document, refund, 'en')).toEqual({
      ok: false,
      message: 'Outlook conversation not read: the reading pane moved on to another conversation',
    });
  });

  it('is not written from a pane whose messages lost their dates or people', () => {
    loadOutlookPage('reading-right-2026-11.html');
    for (const time of document.querySelectorAll('[data-testid="SentReceivedSavedTime"]')) {
      time.removeAttribute('title');
      time.textContent = '';
    }
    expect(readConversation(document, order, 'en')).toMatchObject({
      ok: false,
      message: /no date/,
    });
    loadOutlookPage('reading-right-2026-11.html');
    for (const person of document.querySelectorAll('[data-lpc-hover-target-id]')) person.remove();
    expect(readConversation(document, order, 'en')).toMatchObject({
      ok: false,
      message: /address/,
    });
  });

  it('is nothing on the list page and on a page whose hooks changed', () => {
    loadOutlookPage('list-2026-11.html');
    expect(paneShowsConversation(document)).toBe(false);
    loadOutlookPage('list-changed-2026-11.html');
    expect(paneShowsConversation(document)).toBe(false);
    expect(openConversationId(document)).toBeNull();
    expect(readConversation(document, order, 'en')).toEqual({
      ok: false,
      message: 'Outlook conversation not read: the reading pane is gone',
    });
  });
});
