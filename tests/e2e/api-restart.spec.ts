import { expect, test } from './fixtures';
import { ApiClient } from './harness/api-client';
import { seedWorkspace } from './harness/seed';

test('the API comes back on the same port with its data, and everyone stays signed in', async ({
  startApi,
}) => {
  // Two starts of a fresh API (migrations included) and a stop: more than the default.
  test.setTimeout(120_000);
  const api = await startApi();
  const workspace = await seedWorkspace(api.url, { conversations: 2 });
  const { version } = await workspace.lead.sync.mutate('conversation.setPriority', {
    conversationId: workspace.conversationIds[0],
    priority: 'urgent',
  });

  await api.stop();
  await expect(fetch(`${api.url}/healthz`)).rejects.toThrow();
  await api.start();

  // The signing key lives in the data folder: yesterday's token still works.
  const agent = new ApiClient(api.url, workspace.agent.session.token);
  const conversations = await agent.conversations();
  expect(conversations.map((c) => c.id).sort()).toEqual([...workspace.conversationIds].sort());
  expect(conversations.find((c) => c.id === workspace.conversationIds[0])).toMatchObject({
    priority: 'urgent',
    version,
  });
  // The lead's client carries on numbering where it was; nothing is replayed or lost.
  await workspace.lead.sync.mutate('conversation.setStatus', {
    conversationId: workspace.conversationIds[1],
    status: 'pending',
  });
});
