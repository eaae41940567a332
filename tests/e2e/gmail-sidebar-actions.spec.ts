import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { launchWithExtension } from './harness/chromium';
import { openGmail } from './harness/gmail';
import { guardNetwork } from './harness/network-guard';
import { PopupPage } from './harness/popup';
import { seedWorkspace } from './harness/seed';

// InboxSDK calls home (api.inboxsdk.com); the guard blocks it.
test.use({ allowEscapes: true });
test.setTimeout(120_000);

/** The sidebar's controls this story uses, inside our shadow root. */
function sidebar(page: Page) {
  const root = page.getByTestId('sidedesk-sidebar');
  return {
    root,
    assignee: root.getByTestId('assignee'),
    take: root.getByTestId('take-button'),
    assign: root.getByTestId('assign-button'),
    assignSearch: root.getByRole('combobox', { name: /Assign to/ }),
    status: root.getByTestId('status-select'),
    snoozePicker: root.getByTestId('snooze-picker'),
    snoozedUntil: root.getByTestId('snoozed-until'),
    tags: root.getByTestId('tags'),
    tagName: root.getByTestId('tag-name'),
    tagSubmit: root.getByTestId('tag-submit'),
    tagRefusal: root.getByTestId('tag-refusal'),
    noteInput: root.getByTestId('note-input'),
    noteSubmit: root.getByTestId('note-submit'),
    notes: root.getByTestId('notes'),
    timeline: root.getByTestId('timeline'),
    error: root.getByTestId('action-error'),
  };
}

test('a lead reassigns, notes mention teammates, tags are created and snoozes show, across two browsers', async ({
  extension,
  api,
}) => {
  const workspace = await seedWorkspace(api.url, { conversations: 0 });
  const leoBrowser = await launchWithExtension();
  try {
    await guardNetwork(leoBrowser.context);
    const pageErrors: Error[] = [];
    for (const context of [extension.context, leoBrowser.context]) {
      context.on('weberror', (e) => pageErrors.push(e.error()));
    }
    const anaPopup = await extension.openPopup();
    await anaPopup.signInWithEmail(api.url, workspace.agent.email);
    await anaPopup.expectInSync();
    const leoPopupPage = await leoBrowser.context.newPage();
    await leoPopupPage.goto(leoBrowser.pageUrl('popup.html'));
    const leoPopup = new PopupPage(leoPopupPage);
    await leoPopup.signInWithEmail(api.url, workspace.lead.email);
    await leoPopup.expectInSync();

    // Ana (agent) and Leo (lead) open their copies of one conversation.
    const ana = sidebar(
      await openGmail(extension.context, 'thread-2026-11.html', 'inbox/1a1e3845ce800a10'),
    );
    const leo = sidebar(
      await openGmail(leoBrowser.context, 'thread-copy-2026-11.html', 'inbox/1a1e3845ce800b70'),
    );
    await expect(ana.assignee).toHaveText('Unassigned', { timeout: 20_000 });
    await expect(leo.assignee).toHaveText('Unassigned', { timeout: 20_000 });

    // Ana takes it; Leo, a lead, is offered Reassign and force-assigns it to himself.
    await ana.take.click();
    await expect(leo.assignee).toHaveText(/Ana Agent/, { timeout: 5_000 });
    await expect(leo.assign).toHaveText('Reassign…');
    await leo.assign.click();
    await expect(leo.assignSearch).toBeFocused();
    await leo.assignSearch.fill('leo');
    await leo.assignSearch.press('Enter');
    await expect(leo.assignee).toHaveText(/Leo Lead \(you\)/);
    await expect(ana.assignee).toHaveText(/Leo Lead/, { timeout: 5_000 });

    // Leo's timeline lists Ana's take and his reassignment.
    await expect(leo.timeline).toContainText('Ana Agent took this', { timeout: 10_000 });
    await expect(leo.timeline).toContainText('Leo Lead took this');

    // Ana writes a note mentioning Leo, picked from the @ suggestions by keyboard.
    await ana.noteInput.click();
    await ana.noteInput.pressSequentially('Customer called again, @Le');
    await expect(ana.root.getByRole('listbox', { name: 'Mention a teammate' })).toContainText(
      'Leo Lead',
    );
    await ana.noteInput.press('Enter');
    await ana.noteInput.pressSequentially('please call back.');
    await ana.noteSubmit.click();
    await expect(ana.notes).toContainText('Customer called again, @Leo Lead please call back.');
    const mention = leo.notes.locator('mark.mention');
    await expect(mention).toHaveText('@Leo Lead', { timeout: 5_000 });
    await expect(leo.notes).toContainText('Ana Agent');

    // An agent cannot create a tag and is told why; the lead creates one, and it round-trips.
    const tagName = `refund-${Math.random().toString(36).slice(2, 6)}`;
    await ana.tagName.fill(tagName);
    await ana.tagSubmit.click();
    await expect(ana.tagRefusal).toContainText('only leads and admins create tags');
    await leo.tagName.fill(tagName);
    await leo.tagSubmit.click();
    await expect(leo.tags).toContainText(tagName);
    await expect(ana.tags).toContainText(tagName, { timeout: 5_000 });
    const tags = await workspace.admin.api.request<{ name: string }[]>('GET', '/v1/tags');
    expect(tags.map((t) => t.name)).toContain(tagName);

    // Leo snoozes it until tomorrow morning; both sidebars say until when.
    await leo.status.selectOption('snoozed');
    await leo.snoozePicker.getByRole('button', { name: /^Tomorrow morning/ }).click();
    await expect(leo.snoozedUntil).toContainText('Snoozed until');
    await expect(ana.snoozedUntil).toContainText('Snoozed until', { timeout: 5_000 });
    await expect(ana.status).toHaveValue('snoozed');
    await expect(leo.timeline).toContainText('Leo Lead snoozed this until', { timeout: 10_000 });

    await expect(ana.error).toBeHidden();
    await expect(leo.error).toBeHidden();
    expect(pageErrors).toEqual([]);
  } finally {
    await leoBrowser.close();
  }
});
