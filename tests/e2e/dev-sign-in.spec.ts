import { expect, test } from './fixtures';
import { saveScreenshot } from './harness/screenshots';
import { seedWorkspace } from './harness/seed';

test('an agent signs in through the popup with dev sign-in and sees the workspace, role and live sync', async ({
  extension,
  api,
}, testInfo) => {
  const workspace = await seedWorkspace(api.url);

  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);

  await popup.expectSignedIn({ workspace: workspace.workspaceName, role: 'agent' });
  await popup.expectInSync({ pending: 0 });
  await saveScreenshot(popup.page, testInfo, 'popup.png');

  // The background is the one signed in: it answers with the same session.
  const state = await popup.state();
  expect(state.member?.email).toBe(workspace.agent.email);
  expect(state.workspace?.id).toBe(workspace.workspaceId);
  expect(state.sync.online).toBe(true);
});
