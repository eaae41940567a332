import type { NotificationTarget } from '../notifications/open-target';
import { type BrowserNotification, showNotifications } from '../notifications/show';
import { formatDuration, TARGET_NAMES } from '../sla';
import type { BreachAlerts, SlaBreach } from './breaches';
import type { SlaWarning } from './warnings';

/**
 * Ids name what a click opens: `sidedesk-sla:thread:<conversationId>` (a warning),
 * `…:breach:<conversationId>:<target>:<clock>` (a breach), `…:queue:breaching` or
 * `…:queue:breached` (summaries).
 */
const PREFIX = 'sidedesk-sla:';
/** More warnings at once (the first sync of a busy desk) make one summary, not a pile. */
const MAX_SINGLE = 3;

function single(w: SlaWarning): BrowserNotification {
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
export function notificationsFor(warnings: readonly SlaWarning[]): BrowserNotification[] {
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

function singleBreach(b: NamedBreach): BrowserNotification {
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
): BrowserNotification[] {
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

/** What a click on an SLA notification opens; null for another's. */
export function notificationTarget(id: string): NotificationTarget | null {
  const match = /^sidedesk-sla:(thread|breach|queue):([^:]+)/.exec(id);
  if (!match) return null;
  const [, kind, value = ''] = match;
  if (kind === 'thread' || kind === 'breach') return { conversationId: value };
  return value === 'breaching' || value === 'breached' ? { queue: value } : null;
}

export const showWarnings = (warnings: SlaWarning[]) =>
  showNotifications(notificationsFor(warnings));

export const showBreaches = (alerts: BreachAlerts & { single: NamedBreach[] }) =>
  showNotifications(breachNotificationsFor(alerts));
