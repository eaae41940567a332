import { type Browser, browser } from 'wxt/browser';
import type { SidedeskDb } from '../db';
import { READ_CONVERSATION_PATH } from '../hosts/outlook/selectors';
import { conversationById } from '../queues';
import type { ThreadRef } from '../schema';
import type { TabRequest } from '../schema/tab-messages';
import { formatDuration, TARGET_NAMES } from '../sla';
import { askTab } from '../tab-messaging';
import type { BreachAlerts, SlaBreach } from './breaches';
import type { SlaWarning } from './warnings';

const PREFIX = 'sidedesk-sla:';
/** More warnings at once (the first sync of a busy desk) make one summary, not a pile. */
const MAX_SINGLE = 3;

/** The mail pages our content scripts run on (their `matches`). */
const MAIL_TABS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];

export interface WarningNotification {
  /**
   * Names what a click opens: `sidedesk-sla:thread:<conversationId>` (a warning),
   * `…:breach:<conversationId>:<target>:<clock>` (a breach), `…:queue:breaching` or
   * `…:queue:breached` (summaries).
   */
  id: string;
  title: string;
  message: string;
  contextMessage: string;
}

function single(w: SlaWarning): WarningNotification {
  const name = TARGET_NAMES[w.kind];
  return {
    id: `${PREFIX}thread:${w.conversationId}`,
    title:
      w.remainingMs > 0 ? `${name} due in ${formatDuration(w.remainingMs)}` : `${name} due now`,
    message: w.subject || '(no subject)',
    contextMessage: w.mine ? 'Assigned to you' : 'Unassigned',
  };
}

/** One notification per warning, or one summary of them when there are many. */
export function notificationsFor(warnings: readonly SlaWarning[]): WarningNotification[] {
  if (warnings.length <= MAX_SINGLE) return warnings.map(single);
  const conversations = new Set(warnings.map((w) => w.conversationId));
  const subjects = new Set(warnings.map((w) => w.subject || '(no subject)'));
  return [
    {
      id: `${PREFIX}queue:breaching`,
      title: `${conversations.size} conversations will breach their SLA soon`,
      message: [...subjects].slice(0, MAX_SINGLE).join(' · '),
      contextMessage: 'Open Breaching soon to see them all',
    },
  ];
}

/** A breach as leads see it: the assignee's name, looked up in the cache. */
export type NamedBreach = SlaBreach & {
  /** "you", a member's name, or null while nobody holds it. */
  assignee: string | null;
};

function singleBreach(b: NamedBreach): WarningNotification {
  return {
    id: `${PREFIX}breach:${b.conversationId}:${b.kind}:${b.clock}`,
    title: `${TARGET_NAMES[b.kind]} overdue ${formatDuration(Math.max(60_000, b.overdueMs))}`,
    message: b.subject || '(no subject)',
    contextMessage: b.assignee === null ? 'Unassigned' : `Assigned to ${b.assignee}`,
  };
}

/**
 * One notification per fresh breach, and one summary ("3 conversations breached their
 * SLA") of those `planBreachAlerts` folded, which opens Breached.
 */
export function breachNotificationsFor(
  alerts: BreachAlerts & { single: NamedBreach[] },
): WarningNotification[] {
  const notes = alerts.single.map(singleBreach);
  if (alerts.summary.length === 0) return notes;
  const count = new Set(alerts.summary.map((b) => b.conversationId)).size;
  const subjects = new Set(alerts.summary.map((b) => b.subject || '(no subject)'));
  notes.push({
    id: `${PREFIX}queue:breached`,
    title:
      count === 1 ? '1 conversation breached its SLA' : `${count} conversations breached their SLA`,
    message: [...subjects].slice(0, MAX_SINGLE).join(' · '),
    contextMessage: 'Open Breached to see them all',
  });
  return notes;
}

export type NotificationTarget =
  | { conversationId: string }
  | { queue: 'breaching' | 'breached' }
  | null;

/** What a click on one of our notifications opens; null for another's. */
export function notificationTarget(id: string): NotificationTarget {
  const match = /^sidedesk-sla:(thread|breach|queue):([^:]+)/.exec(id);
  if (!match) return null;
  const [, kind, value = ''] = match;
  if (kind === 'thread' || kind === 'breach') return { conversationId: value };
  return value === 'breaching' || value === 'breached' ? { queue: value } : null;
}

async function show(notes: WarningNotification[]) {
  const iconUrl = browser.runtime.getURL('/sla-warning.png');
  for (const { id, ...text } of notes) {
    await browser.notifications.create(id, { type: 'basic', iconUrl, priority: 2, ...text });
  }
}

export const showWarnings = (warnings: SlaWarning[]) => show(notificationsFor(warnings));

export const showBreaches = (alerts: BreachAlerts & { single: NamedBreach[] }) =>
  show(breachNotificationsFor(alerts));

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
 * A click on a warning: the first mail tab whose mailbox holds the thread opens it (its
 * host adapter knows how); with none, any mail tab comes forward; with no mail tab, the
 * thread opens in a new one.
 */
export async function openNotification(id: string, db: SidedeskDb) {
  const target = notificationTarget(id);
  if (!target) return;
  await browser.notifications.clear(id);
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
