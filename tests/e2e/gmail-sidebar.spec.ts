import { expect, test } from './fixtures';
import { ApiClient } from './harness/api-client';
import { launchWithExtension } from './harness/chromium';
import { holdSync, isGoogleOrInboxSdk, openGmail, sidebarOf } from './harness/gmail';
import { guardNetwork } from './harness/network-guard';
import { PopupPage } from './harness/popup';
import { saveScreenshot } from './harness/screenshots';
import { seedWorkspace } from './harness/seed';
import { ServiceWorkerControl } from './harness/service-worker';

// InboxSDK calls home (api.inboxsdk.com): the guard blocks it, and the test checks below
// that nothing but Google and InboxSDK hosts was tried.
test.use({ allowEscapes: true });
test.setTimeout(90_000);

test('two agents whose Gmail copies of a thread differ share one conversation, see each other take it live, and the slower Take gets a conflict', async ({
  extension,
  api,
}, testInfo) => {
  const workspace = await seedWorkspace(api.url, { conversations: 0 });
  const benEmail = `ben-${Math.random().toString(36).slice(2, 8)}@acme.test`;
  const invite = await workspace.admin.api.invite(benEmail, 'agent');
  const benIdentity = await new ApiClient(api.url).devSignIn(benEmail, 'Ben Agent');
  await new ApiClient(api.url).withToken(benIdentity.identityToken).acceptInvite(invite.code);
  for (const name of ['damaged', 'vip']) {
    await workspace.lead.api.request('POST', '/v1/tags', { name });
  }

  // Ben's browser: its own profile and extension, outside hosts blocked, sync holdable.
  const benBrowser = await launchWithExtension();
  try {
    const benNetwork = await guardNetwork(benBrowser.context);
    const pageErrors: Error[] = [];
    for (const context of [extension.context, benBrowser.context]) {
      context.on('weberror', (e) => pageErrors.push(e.error()));
    }
    const benSync = await holdSync(benBrowser.context, api.url);

    const anaPopup = await extension.openPopup();
    await anaPopup.signInWithEmail(api.url, workspace.agent.email);
    await anaPopup.expectInSync();
    const benPopupPage = await benBrowser.context.newPage();
    await benPopupPage.goto(benBrowser.pageUrl('popup.html'));
    const benPopup = new PopupPage(benPopupPage);
    await benPopup.signInWithEmail(api.url, benEmail);
    await benPopup.expectInSync();

    // Ana opens her copy of the thread, Ben his (other thread id, same Message-ID).
    const ana = sidebarOf(
      await openGmail(extension.context, 'thread-2026-11.html', 'inbox/1a1e3845ce800a10'),
    );
    const ben = sidebarOf(
      await openGmail(benBrowser.context, 'thread-copy-2026-11.html', 'inbox/1a1e3845ce800b70'),
    );
    await expect(ana.assignee).toHaveText('Unassigned', { timeout: 20_000 });
    await expect(ben.assignee).toHaveText('Unassigned', { timeout: 20_000 });
    const conversationId = await ana.root.getAttribute('data-conversation-id');
    await expect(ben.root).toHaveAttribute('data-conversation-id', conversationId ?? '');
    const onServer = await workspace.admin.api.conversations();
    expect(onServer).toHaveLength(1);
    expect(onServer[0]?.refs.map((r) => r.threadId).sort()).toEqual([
      '1a1e3845ce800a10',
      '1a1e3845ce800b70',
    ]);

    // Ana takes it: Ben's sidebar shows her within a second, without a reload.
    await ana.take.click();
    await expect(ana.assignee).toHaveText(/Ana Agent \(you\)/);
    await expect(ben.assignee).toHaveText(/Ana Agent/, { timeout: 1_000 });
    await expect(ben.take).toBeHidden();

    // Status and tags round-trip the same way.
    await ana.status.selectOption('pending');
    await ana.addTag.selectOption('damaged');
    await expect(ben.status).toHaveValue('pending', { timeout: 1_000 });
    await expect(ben.tags).toHaveText(/damaged/, { timeout: 1_000 });
    await ben.tags.getByRole('button', { name: 'Remove tag damaged' }).click();
    await expect(ana.tags).not.toHaveText(/damaged/, { timeout: 1_000 });
    await ana.addTag.selectOption('vip');
    await expect(ana.syncState).toHaveText('Saved');
    await saveScreenshot(ana.root, testInfo, 'gmail-sidebar.png');

    // Gmail goes dark (InboxSDK re-reads the fixture's colours): the sidebar follows.
    await ana.root.page().evaluate(() => {
      const theme = document.getElementById('fixture-theme');
      if (theme)
        theme.textContent = '.aio { color: #e3e3e3; } .nH.bkK > .nH { background: #1f1f1f; }';
    });
    await expect(
      ana.root.page().locator('[data-theme="dark"] > [data-testid="sidedesk-sidebar"]'),
    ).toBeVisible();

    // Ana lets go; then, while Ben is cut off (his worker restarts on a slow link), she
    // takes it again and Ben tries too.
    await ana.unassign.click();
    await expect(ben.assignee).toHaveText('Unassigned', { timeout: 1_000 });
    await benSync.hold();
    const benWorker = await ServiceWorkerControl.attach(
      benBrowser.context,
      benPopupPage,
      benBrowser.extensionId,
    );
    await benWorker.stop();
    await ana.take.click();
    await expect(ana.assignee).toHaveText(/Ana Agent \(you\)/);
    // Ben's cache still says unassigned, so he is offered Take; the server refuses it.
    await ben.take.click();
    await expect(ben.notice).toContainText(/Ana Agent took this \d+ s ago/, { timeout: 5_000 });
    await expect(ben.assignee).toHaveText(/Ana Agent/);
    benSync.release();

    // Ben's inbox shows Ana's initials, the status and the tag on his own copy's row.
    const benInbox = await openGmail(benBrowser.context, 'inbox-copy-2026-11.html', 'inbox');
    const orderRow = benInbox.locator('tr.zA', { hasText: 'Order #1042 arrived damaged' });
    await expect(orderRow.locator('.inboxsdk__thread_row_label')).toHaveText(
      ['AA', 'pending', 'vip'],
      { timeout: 20_000 },
    );
    await saveScreenshot(orderRow.locator('xpath=ancestor::table[1]'), testInfo, 'gmail-list.png');

    const blocked = [...extension.network.blocked, ...benNetwork.blocked].map((b) => b.url);
    expect(blocked.filter((url) => !isGoogleOrInboxSdk(url))).toEqual([]);
    expect(blocked.some((url) => new URL(url).hostname === 'api.inboxsdk.com')).toBe(true);
    expect(pageErrors).toEqual([]);
  } finally {
    await benBrowser.close();
  }
});
