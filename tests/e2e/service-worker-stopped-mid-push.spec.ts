import { randomUUID } from 'node:crypto';
import type { MutationName } from '../../lib/schema';
import { expect, test } from './fixtures';
import { cachedConversation, outbox } from './harness/extension-db';
import { sendToBackground } from './harness/extension-messages';
import { gateFirstPush } from './harness/push-gate';
import { seedWorkspace } from './harness/seed';
import { ServiceWorkerControl } from './harness/service-worker';

test('mutations survive the service worker being stopped mid-push: sent = acknowledged = stored', async ({
  extension,
  api,
}) => {
  const workspace = await seedWorkspace(api.url, { conversations: 2 });
  const [first, second] = workspace.conversationIds as [string, string];
  const me = workspace.agent.session.member.id;

  const popup = await extension.openPopup();
  await popup.signInWithEmail(api.url, workspace.agent.email);
  await popup.expectInSync({ pending: 0 });
  await expect.poll(() => cachedConversation(popup.page, second)).toBeTruthy();

  const mutations: { name: MutationName; args: Record<string, unknown> }[] = [
    {
      name: 'conversation.assign',
      args: { conversationId: first, assigneeId: me, expectedAssigneeId: null },
    },
    { name: 'conversation.setPriority', args: { conversationId: first, priority: 'high' } },
    {
      name: 'note.add',
      args: { id: randomUUID(), conversationId: first, body: 'Called the courier.' },
    },
    { name: 'conversation.setStatus', args: { conversationId: first, status: 'pending' } },
    { name: 'conversation.setPriority', args: { conversationId: second, priority: 'urgent' } },
    { name: 'note.add', args: { id: randomUUID(), conversationId: second, body: 'Refund sent.' } },
    { name: 'conversation.setStatus', args: { conversationId: second, status: 'closed' } },
  ];

  const gate = await gateFirstPush(extension.context, api.url);
  const worker = await ServiceWorkerControl.attach(
    extension.context,
    popup.page,
    extension.extensionId,
  );
  await extension.serviceWorker.evaluate(() => {
    (globalThis as { e2eMarker?: string }).e2eMarker = 'before the stop';
  });

  // The first mutation goes out; the server applies it; its answer is held in flight.
  const sent: number[] = [];
  const mutate = async (m: (typeof mutations)[number]) => {
    const result = await sendToBackground(popup.page, {
      type: 'mutate',
      name: m.name,
      args: m.args,
    });
    if (!result.ok) throw new Error(`${m.name} refused: ${result.message}`);
    if (result.mutationId === null) throw new Error(`${m.name} queued nothing`);
    sent.push(result.mutationId);
  };
  await mutate(mutations[0]!);
  await gate.held();
  // The rest are queued behind it in the outbox.
  for (const m of mutations.slice(1)) await mutate(m);
  expect((await outbox(popup.page)).map((row) => row.id)).toEqual(sent);

  // Chrome stops the worker while the push is in flight: the client never hears the answer.
  await worker.stop();
  gate.release();
  expect(gate.exchanges[0]?.results?.every((r) => r.status === 'ok')).toBe(true);

  // Anything wakes it again (here: the popup asking for the state). It starts from Dexie.
  await expect.poll(async () => (await popup.state()).sync.pending, { timeout: 15_000 }).toBe(0);
  expect(worker.history()).toEqual(expect.arrayContaining(['stopped', 'starting', 'running']));
  expect(
    await extension.serviceWorker.evaluate(() => (globalThis as { e2eMarker?: string }).e2eMarker),
  ).toBeUndefined();
  // What a person sees on opening the popup again: in sync, nothing pending.
  const reopened = await extension.openPopup();
  await reopened.expectInSync({ pending: 0 });
  expect(await outbox(popup.page)).toEqual([]);

  // Sent: each mutation got its own id. Acknowledged: after the restart every id was
  // answered ok, the held one included (its replay returned the stored result).
  // Stored: one event each, nothing twice.
  expect(new Set(sent).size).toBe(mutations.length);
  const [held, ...afterRestart] = gate.exchanges;
  expect(held?.ids).toEqual([sent[0]]);
  expect(
    afterRestart.flatMap((e) => e.ids),
    'the held mutation was sent again',
  ).toContain(sent[0]);
  const acknowledged = new Set(
    afterRestart.flatMap((e) =>
      (e.results ?? []).filter((r) => r.status === 'ok').map((r) => r.id),
    ),
  );
  expect([...acknowledged].sort((a, b) => a - b)).toEqual([...sent].sort((a, b) => a - b));

  const agentApi = workspace.agent.api;
  const stored = [...(await agentApi.events(first)), ...(await agentApi.events(second))].filter(
    (event) => event.actorId === me,
  );
  expect(stored).toHaveLength(mutations.length);
  console.info(
    `service worker stopped mid-push: sent ${sent.length}, acknowledged ${acknowledged.size}, stored ${stored.length}`,
  );

  // The server and the extension agree on the outcome.
  const onServer = new Map((await agentApi.conversations()).map((c) => [c.id, c]));
  expect(onServer.get(first)).toMatchObject({
    assigneeId: me,
    priority: 'high',
    status: 'pending',
  });
  expect(onServer.get(second)).toMatchObject({ priority: 'urgent', status: 'closed' });
  for (const id of [first, second]) {
    const cached = await cachedConversation(popup.page, id);
    expect(cached).toMatchObject({
      assigneeId: onServer.get(id)?.assigneeId,
      priority: onServer.get(id)?.priority,
      status: onServer.get(id)?.status,
      version: onServer.get(id)?.version,
    });
  }
  await gate.dispose();
  await worker.detach();
});
