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
    /** "Assign…", or "Reassign…" for a lead while someone holds the conversation. */
    assign: root.getByTestId('assign-button'),
    assignSearch: root.getByRole('combobox', { name: /Assign to/ }),
    status: root.getByTestId('status-select'),
    snoozePicker: root.getByTestId('snooze-picker'),
    snoozedUntil: root.getByTestId('snoozed-until'),
    tags: root.getByTestId('tags'),
    addTag: root.getByTestId('add-tag-select'),
    tagName: root.getByTestId('tag-name'),
    tagSubmit: root.getByTestId('tag-submit'),
    tagRefusal: root.getByTestId('tag-refusal'),
    noteInput: root.getByTestId('note-input'),
    noteSubmit: root.getByTestId('note-submit'),
    notes: root.getByTestId('notes'),
    timeline: root.getByTestId('timeline'),
    notice: root.getByTestId('sync-notice'),
    syncState: root.getByTestId('sync-state'),
    error: root.getByTestId('action-error'),
  };
}

export type Sidebar = ReturnType<typeof sidebarOf>;
