import { type Browser, browser } from 'wxt/browser';
import type { SidedeskDb } from '../db';
import { READ_CONVERSATION_PATH } from '../hosts/outlook/selectors';
import { conversationById } from '../queues';
import type { ThreadRef } from '../schema';
import type { TabRequest } from '../schema/tab-messages';
import { askTab } from '../tab-messaging';

/** What a click on one of our notifications opens. */
export type NotificationTarget = { conversationId: string } | { queue: 'breaching' | 'breached' };

/** The mail pages our content scripts run on (their `matches`). */
const MAIL_TABS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];

/** Where a thread opens when no mail tab is open. */
function addressOf(ref: ThreadRef): string {
  if (ref.host === 'gmail')
    return `https://mail.google.com/mail/u/${ref.mailbox}/#inbox/${ref.threadId}`;
  const mailbox = encodeURIComponent(ref.mailbox);
  return `https://outlook.office.com/mail/${mailbox}/${READ_CONVERSATION_PATH}${encodeURIComponent(ref.threadId)}`;
}

async function focus(tab: Browser.tabs.Tab) {
  if (tab.id !== undefined) await browser.tabs.update(tab.id, { active: true });
  await browser.windows.update(tab.windowId, { focused: true });
}

/**
 * The first mail tab whose mailbox holds the thread opens it (its host adapter knows how);
 * with none, any mail tab comes forward; with no mail tab, the thread opens in a new one.
 */
export async function openTarget(target: NotificationTarget, db: SidedeskDb) {
  const conversation =
    'conversationId' in target ? await conversationById(db, target.conversationId) : null;
  const request: TabRequest | null = conversation
    ? { type: 'sidedesk:openThread', refs: conversation.refs }
    : 'queue' in target
      ? { type: 'sidedesk:openQueue', queue: target.queue }
      : null;
  const tabs = await browser.tabs.query({ url: MAIL_TABS });
  if (request) {
    for (const tab of tabs) {
      if (tab.id !== undefined && (await askTab(tab.id, request))?.opened) return focus(tab);
    }
  }
  const first = tabs[0];
  if (first) return focus(first);
  const ref = conversation?.refs[0];
  await browser.tabs.create({ url: ref ? addressOf(ref) : 'https://mail.google.com/' });
}
