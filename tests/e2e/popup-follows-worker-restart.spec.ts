import { expect, test } from './fixtures';
import { sendToBackground } from './harness/extension-messages';
import { seedWorkspace } from './harness/seed';
import { ServiceWorkerControl } from './harness/service-worker';

test('an open popup keeps following the sync state after Chrome stops and restarts the worker', async ({
  extension,
  api,
}) => {
  const workspace = await seedWorkspace(api.url, { conversations: 1 });
  const [conversationId] = workspace.conversationIds as [string];

  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);
  await popup.expectInSync({ pending: 0 });

  // Chrome stops an idle worker after ~30 s; here at once. Another extension page wakes it.
  const probe = await extension.openPage('popup.html');
  const worker = await ServiceWorkerControl.attach(extension.context, probe, extension.extensionId);
  await worker.stop();
  await sendToBackground(probe, { type: 'getState' });
  await worker.waitFor((s) => s === 'running', 'the worker to run again');

  // The API refuses pushes for now, so a change made elsewhere stays pending...
  await extension.context.route(`${api.url}/v1/push`, (route) =>
    route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: 'down' } } }),
  );
  const result = await sendToBackground(probe, {
    type: 'mutate',
    name: 'conversation.setPriority',
    args: { conversationId, priority: 'urgent' },
  });
  expect(result.ok).toBe(true);
  expect((await sendToBackground(probe, { type: 'getState' })).sync.pending).toBe(1);

  // ...and the popup that was open all along shows it, without being reopened.
  await expect(popup.pending, 'the open popup heard the restarted worker').toHaveText('1');
  await worker.detach();
});
