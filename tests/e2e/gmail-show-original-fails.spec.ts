import type { Route } from '@playwright/test';
import { type Extension, expect, test } from './fixtures';
import { openGmail, sidebarOf } from './harness/gmail';
import { seedWorkspace } from './harness/seed';

// InboxSDK calls home (api.inboxsdk.com); the guard blocks it.
test.use({ allowEscapes: true });
test.setTimeout(90_000);

async function signIn(extension: Extension, apiUrl: string) {
  const workspace = await seedWorkspace(apiUrl, { conversations: 0 });
  const popup = await extension.openPopup();
  await popup.signInWithEmail(apiUrl, workspace.agent.email);
  await popup.expectInSync();
  return { workspace, popup };
}

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
