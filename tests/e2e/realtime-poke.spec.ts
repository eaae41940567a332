import { expect, test } from './fixtures';
import { cachedConversation } from './harness/extension-db';
import { seedWorkspace } from './harness/seed';

test("a change pushed by another agent's client reaches the extension's cache within a second", async ({
  extension,
  api,
}) => {
  const workspace = await seedWorkspace(api.url);
  const [conversationId] = workspace.conversationIds;
  if (!conversationId) throw new Error('the seed made no conversation');

  // Agent A signs in through the popup; the popup page also serves as our probe into the
  // extension's IndexedDB (same origin as the background).
  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);
  await popup.expectInSync({ pending: 0 });
  await expect
    .poll(async () => (await cachedConversation(popup.page, conversationId))?.status)
    .toBe('open');
  const before = await cachedConversation(popup.page, conversationId);
  expect(before?.assigneeId).toBeNull();

  // The lead, in another browser, assigns the conversation to A and sets it pending.
  const agentId = workspace.agent.session.member.id;
  const started = Date.now();
  await workspace.lead.sync.mutate('conversation.assign', {
    conversationId,
    assigneeId: agentId,
    expectedAssigneeId: null,
  });
  await workspace.lead.sync.mutate('conversation.setStatus', {
    conversationId,
    status: 'pending',
  });
  const pushed = Date.now();

  // No polling alarm fires this soon (the alarm period is a minute): only the WebSocket
  // poke, and the pull it triggers, can bring the change in.
  let arrivedAt = 0;
  await expect
    .poll(
      async () => {
        const row = await cachedConversation(popup.page, conversationId);
        if (row?.assigneeId === agentId && row.status === 'pending') arrivedAt ||= Date.now();
        return row && { assigneeId: row.assigneeId, status: row.status };
      },
      { timeout: 2_000, intervals: [20] },
    )
    .toEqual({ assigneeId: agentId, status: 'pending' });

  const latency = arrivedAt - pushed;
  test.info().annotations.push({
    type: 'propagation',
    description: `${latency} ms after the push answered (${arrivedAt - started} ms from the first push)`,
  });
  expect(latency, 'ms from the push to the extension cache').toBeLessThan(1_000);

  // And the popup, listening to the background, stays in sync with nothing pending.
  await popup.expectInSync({ pending: 0 });
});
