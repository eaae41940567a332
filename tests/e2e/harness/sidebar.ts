import type { Page } from '@playwright/test';

/**
 * The thread sidebar, inside our shadow root, whichever host drew it: Gmail's InboxSDK
 * panel or the panel docked in Outlook.
 */
export function sidebarOf(page: Page) {
  const root = page.getByTestId('sidedesk-sidebar');
  return {
    root,
    assignee: root.getByTestId('assignee'),
    take: root.getByTestId('take-button'),
    unassign: root.getByTestId('unassign-button'),
    status: root.getByTestId('status-select'),
    tags: root.getByTestId('tags'),
    addTag: root.getByTestId('add-tag-select'),
    notice: root.getByTestId('sync-notice'),
    syncState: root.getByTestId('sync-state'),
  };
}
