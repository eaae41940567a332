import { browser } from 'wxt/browser';

/** A browser notification of ours; its id names what a click opens. */
export interface BrowserNotification {
  id: string;
  title: string;
  message: string;
  contextMessage: string;
}

/** Shows each (`chrome.notifications`); one with the id of a shown one replaces it. */
export async function showNotifications(notes: readonly BrowserNotification[]) {
  const iconUrl = browser.runtime.getURL('/sla-warning.png');
  for (const { id, ...text } of notes) {
    await browser.notifications.create(id, { type: 'basic', iconUrl, priority: 2, ...text });
  }
}
