import { expect, test } from './fixtures';
import { CONVERSATIONS, openOutlook, outlookOf, SHARED_MAILBOX } from './harness/outlook';
import { saveScreenshot } from './harness/screenshots';
import { seedWorkspace } from './harness/seed';
import { sidebarOf } from './harness/sidebar';

test.setTimeout(90_000);

// Outlook's pages are served from the fixtures and nothing else is reachable: unlike the
// Gmail specs, no outside request is allowed at all (the `extension` fixture checks).
test('an agent in an Outlook shared mailbox takes a conversation from the docked panel, its row shows it, and a template goes into the reply', async ({
  extension,
  api,
}, testInfo) => {
  const workspace = await seedWorkspace(api.url, { conversations: 0 });
  await workspace.lead.api.request('POST', '/v1/templates', {
    title: 'Damaged order apology',
    body: '<p>Hi {{customer.firstName}}, sorry about order #1042.</p>',
    scope: 'team',
  });
  const pageErrors: Error[] = [];
  extension.context.on('weberror', (e) => pageErrors.push(e.error()));
  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);
  await popup.expectInSync();

  const page = await openOutlook(extension.context, 'list-2026-11.html');
  const outlook = outlookOf(page);
  await expect(outlook.panel).toBeVisible({ timeout: 20_000 });

  // Opening a conversation shows its sidebar in the docked panel.
  await outlook.row(CONVERSATIONS.order).click();
  const sidebar = sidebarOf(page);
  await expect(sidebar.assignee).toHaveText('Unassigned', { timeout: 20_000 });
  await expect(outlook.panel).toContainText('Sidedesk');
  await sidebar.take.click();
  await expect(sidebar.assignee).toHaveText(/Ana Agent \(you\)/);

  // Every listed row was recorded (the virtual list shows four), each under the shared
  // mailbox's conversation id: the key every agent of that mailbox shares.
  await expect(sidebar.syncState).toHaveText('Saved');
  const listed = [
    CONVERSATIONS.order,
    CONVERSATIONS.shipping,
    CONVERSATIONS.refund,
    CONVERSATIONS.login,
  ].sort();
  await expect
    .poll(async () =>
      (await workspace.admin.api.conversations()).map((c) => c.refs[0]?.threadId).sort(),
    )
    .toEqual(listed);
  const onServer = await workspace.admin.api.conversations();
  const order = onServer.find((c) => c.refs[0]?.threadId === CONVERSATIONS.order);
  expect(order).toMatchObject({
    key: `thread:outlook:${SHARED_MAILBOX}:${CONVERSATIONS.order}`,
    host: 'outlook',
    refs: [{ host: 'outlook', mailbox: SHARED_MAILBOX, threadId: CONVERSATIONS.order }],
    subject: 'Order #1042 arrived damaged',
    participants: [{ email: 'maria.lopez@customer.test', name: 'Maria Lopez' }],
    assigneeId: workspace.agent.session.member.id,
  });

  // The row (re-rendered by the selection) shows who has it and its status.
  await expect(outlook.chips(CONVERSATIONS.order)).toHaveText(['AA', 'open']);
  await saveScreenshot(outlook.panel, testInfo, 'outlook-sidebar.png');
  await saveScreenshot(
    page.locator('[data-app-section="MessageList"]'),
    testInfo,
    'outlook-list.png',
  );

  // Reply, then the template from the draft's toolbar, filled from the conversation.
  await outlook.reply.click();
  await expect(outlook.draftBody).toBeFocused();
  await page.getByRole('button', { name: /Insert a template/ }).click();
  const picker = page.getByTestId('template-picker');
  await expect(picker.getByRole('combobox', { name: 'Search templates' })).toBeFocused();
  await page.keyboard.type('apology');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(outlook.draftBody).toContainText('Hi Maria, sorry about order #1042.');
  // On the draft's first line, above the signature and the quoted message.
  await expect(outlook.draftBody.locator(':scope > :first-child')).toContainText('Hi Maria');
  await expect(outlook.draftBody.locator('#Signature')).toBeVisible();

  // Nothing went wrong on the page: no report reached the popup, no page error.
  expect((await popup.state()).sync.pageError).toBeNull();
  expect(pageErrors).toEqual([]);
});
