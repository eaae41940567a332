import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ApiClient } from './harness/api-client';
import { openGmail, sidebarOf } from './harness/gmail';
import { replyableThread } from './harness/gmail-copilot';
import { nextClick, watchFor } from './harness/live-watch';
import { gmail, ORDER_SUBJECT } from './harness/mail-host';
import { seedWorkspace } from './harness/seed';
import { launchTeammate } from './harness/teammate';

/**
 * Presence and collisions on Gmail: Ana (this test's browser) and Ben (a teammate's) open
 * their copies of the order conversation, each with Gmail's Reply under the newest message
 * (tests/e2e/harness/gmail-copilot.ts). Everything travels over the realtime channel.
 */
const ANA_THREAD = '1a1e3845ce800a10';
const BEN_THREAD = '1a1e3845ce800b70';

const rowChips = (list: Page) =>
  list.locator('tr.zA', { hasText: ORDER_SUBJECT }).locator('.inboxsdk__thread_row_label');
const replyButton = (page: Page) => page.locator('.ams.bkH');
const sendButton = (page: Page) => page.locator('.M9 .aoO');
/** Sends that reached the page (a held one stops before it): counted by the fixture. */
const sendClicks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sendClicks?: number }).__sendClicks ?? 0);

test.use({ allowEscapes: true });
test.setTimeout(180_000);

test('two agents on one thread see each other, and the second to reply is warned before sending', async ({
  extension,
  api,
}, testInfo) => {
  const benLaunch = launchTeammate();
  try {
    const [workspace, ben] = await Promise.all([
      seedWorkspace(api.url, { conversations: 0 }),
      benLaunch,
    ]);
    const benEmail = `ben-${Math.random().toString(36).slice(2, 8)}@acme.test`;
    const invite = await workspace.admin.api.invite(benEmail, 'agent');
    const benIdentity = await new ApiClient(api.url).devSignIn(benEmail, 'Ben Agent');
    await new ApiClient(api.url).withToken(benIdentity.identityToken).acceptInvite(invite.code);

    const pageErrors: string[] = [];
    for (const context of [extension.context, ben.context]) {
      context.on('weberror', (e) => {
        if (!gmail.isFixtureError(e.error())) pageErrors.push(`${e.page()?.url()}: ${e.error()}`);
      });
    }

    const anaPopup = await extension.openPopup();
    await Promise.all([
      anaPopup.signInWithEmail(api.url, workspace.agent.email),
      ben.popup.signInWithEmail(api.url, benEmail),
    ]);
    await Promise.all([anaPopup.expectInSync(), ben.popup.expectInSync()]);

    // Ben keeps his list open beside the thread; then both open the conversation.
    const benList = await openGmail(ben.context, 'inbox-copy-2026-11.html', 'inbox');
    const [anaPage, benPage] = await Promise.all([
      openGmail(extension.context, 'thread-2026-11.html', `inbox/${ANA_THREAD}`, undefined, (p) =>
        replyableThread(p),
      ),
      openGmail(ben.context, 'thread-copy-2026-11.html', `inbox/${BEN_THREAD}`, undefined, (p) =>
        replyableThread(p),
      ),
    ]);
    const [anaSidebar, benSidebar] = [sidebarOf(anaPage), sidebarOf(benPage)];
    for (const sidebar of [anaSidebar, benSidebar]) {
      await expect(sidebar.assignee).toHaveText('Unassigned', { timeout: 30_000 });
    }
    const anaPresence = anaSidebar.root.getByTestId('presence');
    const benPresence = benSidebar.root.getByTestId('presence');
    const benWarning = benSidebar.root.getByTestId('collision-warning');
    const anaWarning = anaSidebar.root.getByTestId('collision-warning');

    // Each sees the other viewing, never themself; Ben's list row carries Ana's initials.
    await expect(anaPresence).toHaveText('Ben Agent is viewing', { timeout: 10_000 });
    await expect(benPresence).toHaveText('Ana Agent is viewing', { timeout: 10_000 });
    await expect(rowChips(benList)).toHaveText(['👁 AA', 'open'], { timeout: 10_000 });
    await expect(benWarning).toBeHidden();

    // Ana opens her reply: Ben's sidebar and his row say so.
    const click = await nextClick(anaPage);
    const benSees = await watchFor(benPage, {
      within: { selector: '[data-testid="sidedesk-sidebar"]' },
      selector: '[data-testid="presence"]',
      matches: 'Ana Agent is replying now',
    });
    await replyButton(anaPage).click();
    // The empty body has no height, so it counts as hidden: it is there.
    await expect(anaPage.locator('.M9 [contenteditable="true"]')).toBeAttached();
    await expect(benPresence).toHaveText('Ana Agent is replying now');
    const seenAfter = ((await benSees.seenAt()) ?? Number.NaN) - (await click.at());
    testInfo.annotations.push({
      type: 'Ana replies → Ben sees it',
      description: `${seenAfter} ms`,
    });
    console.log(`Ana opens her reply → Ben's sidebar says so: ${seenAfter} ms`);
    await expect(rowChips(benList)).toHaveText(['✎ AA', 'open']);
    // Ana alone replying is warned of nothing.
    await expect(anaWarning).toBeHidden();

    // Ben opens his own reply: he is warned, and so is Ana.
    await replyButton(benPage).click();
    await expect(benWarning).toHaveText('Ana Agent is replying to this conversation too.');
    await expect(anaWarning).toHaveText('Ben Agent is replying to this conversation too.');
    await expect(anaPresence).toHaveText('Ben Agent is replying now');

    // Ben's first Send is held, and the warning says so; the second goes through.
    await sendButton(benPage).click();
    await expect(benWarning).toContainText('Your send was held: send again to send anyway.');
    expect(await sendClicks(benPage)).toBe(0);
    await sendButton(benPage).click();
    await expect.poll(() => sendClicks(benPage)).toBe(1);

    // Ana closes her thread: she has left, for Ben's sidebar and his row.
    await anaPage.close();
    await expect(benPresence).toBeHidden({ timeout: 10_000 });
    await expect(benWarning).toBeHidden();
    await expect(rowChips(benList)).toHaveText(['open']);

    const blocked = [...extension.network.blocked, ...ben.network.blocked].map((b) => b.url);
    gmail.expectOutsideRequests(blocked);
    expect(pageErrors).toEqual([]);
  } finally {
    const launched = await Promise.allSettled([benLaunch]);
    for (const launch of launched) if (launch.status === 'fulfilled') await launch.value.close();
  }
});
