import type { Page, Route } from '@playwright/test';
import { type Extension, expect, test } from './fixtures';
import { openGmail, sidebarOf } from './harness/gmail';
import { seedWorkspace } from './harness/seed';

// InboxSDK calls home (api.inboxsdk.com); the guard blocks it.
test.use({ allowEscapes: true });
test.setTimeout(120_000);

const ORDER_SUBJECT = 'Order #1042 arrived damaged';

async function signIn(extension: Extension, apiUrl: string) {
  const workspace = await seedWorkspace(apiUrl, { conversations: 0 });
  const popup = await extension.openPopup();
  await popup.signInWithEmail(apiUrl, workspace.agent.email);
  await popup.expectInSync();
  return { workspace, popup };
}

const rowChips = (inbox: Page) =>
  inbox.locator('tr.zA', { hasText: ORDER_SUBJECT }).locator('.inboxsdk__thread_row_label');

test('a status change made while the API is down shows at once as waiting, and lands when it returns', async ({
  extension,
  startApi,
}) => {
  const api = await startApi();
  const { workspace, popup } = await signIn(extension, api.url);
  const thread = await openGmail(
    extension.context,
    'thread-2026-11.html',
    'inbox/1a1e3845ce800a10',
  );
  const sidebar = sidebarOf(thread);
  await expect(sidebar.assignee).toHaveText('Unassigned', { timeout: 20_000 });
  await expect(sidebar.syncState).toHaveText('Saved');
  const [conversation] = await workspace.agent.api.conversations();
  expect(conversation?.status).toBe('open');
  const inbox = await openGmail(extension.context, 'inbox-2026-11.html', 'inbox');
  await expect(rowChips(inbox)).toHaveText(['open'], { timeout: 20_000 });
  // The list records its 7 rows too (list-upsert): let those land first, so the only
  // change waiting below is the sidebar's.
  await expect
    .poll(async () => (await workspace.agent.api.conversations()).length, { timeout: 20_000 })
    .toBe(7);
  await popup.expectInSync();

  await api.stop();
  await expect(sidebar.syncState).toHaveText('Offline', { timeout: 10_000 });
  // At once: the change is applied to the cache and queued, with no server to ask.
  await sidebar.status.selectOption('pending');
  await expect(sidebar.status).toHaveValue('pending', { timeout: 2_000 });
  await expect(sidebar.syncState).toHaveText('Offline · 1 waiting', { timeout: 2_000 });
  await expect(rowChips(inbox)).toHaveText(['pending']);
  await expect(popup.syncStatus).toHaveAttribute('data-online', 'false');
  await expect(popup.pending).toHaveText('1');

  // The realtime channel retries with backoff (1 s, 2 s, 4 s, 8 s, 16 s…), so on a busy
  // machine the change can land some 30 s after the API is back.
  await api.start();
  await expect(sidebar.syncState).toHaveText('Saved', { timeout: 45_000 });
  await expect(sidebar.status).toHaveValue('pending');
  const onServer = await workspace.agent.api.conversations();
  expect(onServer.find((c) => c.id === conversation?.id)?.status).toBe('pending');
  await popup.expectInSync();
});

/** Gmail's "Show original" page fails: the first message's Message-ID cannot be read. */
const brokenOriginal = (served: { count: number }) => async (route: Route) => {
  served.count++;
  await route.fulfill({ status: 500, body: 'Internal Server Error' });
};

test('a thread whose "Show original" page fails writes nothing and is reported in the popup', async ({
  extension,
  api,
}) => {
  const { workspace, popup } = await signIn(extension, api.url);
  const served = { count: 0 };
  await openGmail(
    extension.context,
    'thread-2026-11.html',
    'inbox/1a1e3845ce800a10',
    brokenOriginal(served),
  );
  await expect(popup.byTestId('page-error')).toContainText(
    /gmail conversation-upsert: .*not fully read.*HTTP 500/,
    { timeout: 20_000 },
  );
  expect(served.count).toBeGreaterThan(0);
  expect(await workspace.agent.api.conversations()).toEqual([]);
});

// Wording-free on purpose: the sidebar must stop loading and say something other than
// "Loading…" (the read's failure, as lib/features/read-once.ts hands it to the sidebar).
test('the sidebar of a thread whose "Show original" page fails says so instead of loading forever', async ({
  extension,
  api,
}) => {
  await signIn(extension, api.url);
  const page = await openGmail(
    extension.context,
    'thread-2026-11.html',
    'inbox/1a1e3845ce800a10',
    brokenOriginal({ count: 0 }),
  );
  const sidebar = sidebarOf(page);
  const problem = sidebar.root.getByTestId('sidebar-problem');
  await expect(sidebar.root).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  await expect(problem).not.toHaveText('Loading…');
  await expect(problem).not.toBeEmpty();
});
