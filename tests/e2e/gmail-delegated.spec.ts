import { expect, test } from './fixtures';
import { launchWithExtension } from './harness/chromium';
import { openGmail, sidebarOf } from './harness/gmail';
import { guardNetwork } from './harness/network-guard';
import { PopupPage } from './harness/popup';
import { seedWorkspace } from './harness/seed';

// InboxSDK calls home (api.inboxsdk.com); the guard blocks it.
test.use({ allowEscapes: true });
test.setTimeout(90_000);

test('two agents working a delegated mailbox share one conversation under its one thread id', async ({
  extension,
  api,
}) => {
  const workspace = await seedWorkspace(api.url, { conversations: 0 });
  const leoBrowser = await launchWithExtension();
  try {
    await guardNetwork(leoBrowser.context);
    const anaPopup = await extension.openPopup();
    await anaPopup.signInWithEmail(api.url, workspace.agent.email);
    await anaPopup.expectInSync();
    const leoPopupPage = await leoBrowser.context.newPage();
    await leoPopupPage.goto(leoBrowser.pageUrl('popup.html'));
    const leoPopup = new PopupPage(leoPopupPage);
    await leoPopup.signInWithEmail(api.url, workspace.lead.email);
    await leoPopup.expectInSync();

    // Both have support@'s mailbox delegated to them: the same page, the same thread id.
    const originals: string[] = [];
    const hash = 'inbox/1a1e3845ce800a10';
    extension.context.on('request', (r) => {
      if (new URL(r.url()).searchParams.get('view') === 'om') originals.push(r.url());
    });
    const ana = sidebarOf(
      await openGmail(extension.context, 'thread-delegated-2026-11.html', hash),
    );
    await expect(ana.assignee).toHaveText('Unassigned', { timeout: 20_000 });
    const leo = sidebarOf(
      await openGmail(leoBrowser.context, 'thread-delegated-2026-11.html', hash),
    );
    await expect(leo.assignee).toHaveText('Unassigned', { timeout: 20_000 });

    const conversationId = await ana.root.getAttribute('data-conversation-id');
    await expect(leo.root).toHaveAttribute('data-conversation-id', conversationId ?? '');
    const onServer = await workspace.admin.api.conversations();
    expect(onServer).toHaveLength(1);
    expect(onServer[0]?.refs).toEqual([
      { host: 'gmail', mailbox: 'support@acme.test', threadId: '1a1e3845ce800a10' },
    ]);
    // "Show original" is asked of the delegated mailbox, under its own account path.
    expect(originals.length).toBeGreaterThan(0);
    expect(originals.every((url) => new URL(url).pathname === '/mail/b/support-acme/u/0/')).toBe(
      true,
    );

    await ana.take.click();
    await expect(leo.assignee).toHaveText(/Ana Agent/, { timeout: 1_000 });
  } finally {
    await leoBrowser.close();
  }
});
