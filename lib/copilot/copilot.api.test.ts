import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../server/testing/databases';
import { meta } from '../../server/testing/fixtures';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import { conversationIdFor } from '../conversation-id';
import type { CopilotEvent } from '../schema';
import { type FakeOpenAI, startFakeOpenAI } from '../testing/openai-server';
import { eventsOf, syncClient } from '../testing/sync-client';
import { gatherContext } from './context';
import { offlineProvider } from './offline/provider';
import { type CopilotPort, serveCopilotPort } from './run';
import { loadSetup, SetupCache } from './setup';

/** A worker's copilot port, driven directly: the request in, the events out. */
function askWorker(
  client: Awaited<ReturnType<typeof syncClient>>,
  request: unknown,
): Promise<CopilotEvent[]> {
  const cache = new SetupCache(() => loadSetup((r) => client.engine.relay(r)));
  return new Promise((resolve) => {
    const events: CopilotEvent[] = [];
    let send: (m: unknown) => void = () => {};
    const port: CopilotPort = {
      postMessage(message) {
        events.push(message as CopilotEvent);
        const type = (message as CopilotEvent).type;
        if (type === 'done' || type === 'error') resolve(events);
      },
      onMessage: { addListener: (l) => (send = l) },
      onDisconnect: { addListener: () => {} },
    };
    serveCopilotPort(port, {
      setup: () => cache.get(),
      context: (req, setup) => gatherContext(client.db, req, setup?.teams ?? []),
      offline: offlineProvider,
    });
    send(request);
  });
}

for (const target of testDatabases()) {
  describe(`the copilot against the real API [${target.name}]`, () => {
    let server: TestServer;
    let model: FakeOpenAI;
    const stops: { engine: { stop(): void } }[] = [];

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      model = await startFakeOpenAI();
    });
    afterAll(async () => {
      for (const c of stops) c.engine.stop();
      await model?.close();
      await server?.close();
    });

    it("drafts through the workspace's endpoint, redacted, and records the outcome as an event", async () => {
      const ada = await server.signIn('ada@acme.test', 'admin', { name: 'Ada' });
      const ana = await server.signIn('ana@acme.test', 'agent', { name: 'Ana' });
      const configured = await server.app.request('/v1/copilot/settings', {
        method: 'PATCH',
        headers: ada.headers,
        body: JSON.stringify({
          provider: 'openai-compatible',
          baseUrl: model.baseUrl,
          model: 'llama3.1:8b',
          apiKey: 'sk-workspace-key',
        }),
      });
      expect(configured.status).toBe(200);

      const a = await syncClient(server.url, ana);
      stops.push(a);
      const m = meta();
      const conversationId = await conversationIdFor(m.key);
      expect((await a.engine.mutate('conversation.upsert', { meta: m })).ok).toBe(true);
      await a.engine.idle();

      model.reply = ['Hi, ', 'we are looking into it.'];
      const sent = model.requests.length;
      const events = await askWorker(a, {
        task: 'draft',
        conversationId,
        thread: {
          subject: m.subject,
          messages: [
            {
              from: `Customer <${m.participants[0]!.email}>`,
              sentAt: m.lastMessageAt,
              text: 'My order did not arrive. Call me at +44 20 7946 0018.',
            },
          ],
        },
      });
      expect(events.map((e) => e.type)).toEqual(['prompt', 'sources', 'text', 'text', 'done']);
      const received = model.requests[sent]!;
      expect(received.headers.authorization).toBe('Bearer sk-workspace-key');
      const body = JSON.stringify(received.body);
      expect(body).not.toContain(m.participants[0]!.email);
      expect(body).not.toContain('7946 0018');
      expect(events[0]).toMatchObject({ messages: received.body.messages });

      const recorded = await a.engine.mutate('copilot.record', {
        conversationId,
        task: 'draft',
        provider: 'openai-compatible',
        model: 'llama3.1:8b',
        sources: [],
        outcome: 'edited',
      });
      expect(recorded.ok).toBe(true);
      await a.engine.flush();
      expect(await a.db.outbox.count()).toBe(0);
      const history = await eventsOf(server.url, ana.token, conversationId);
      expect(history.filter((e) => e.type === 'copilot.draft')).toEqual([
        expect.objectContaining({
          actorId: ana.member.id,
          after: expect.objectContaining({ outcome: 'edited', provider: 'openai-compatible' }),
        }),
      ]);
      expect(JSON.stringify(history)).not.toContain('looking into it');

      // The admin turns external providers off: the next request stays in the browser.
      await server.app.request('/v1/copilot/settings', {
        method: 'PATCH',
        headers: ada.headers,
        body: JSON.stringify({ externalAllowed: false }),
      });
      const before = model.requests.length;
      const offline = await askWorker(a, {
        task: 'summary',
        conversationId,
        thread: {
          subject: m.subject,
          messages: [{ from: m.participants[0]!.email, sentAt: null, text: 'Where is my order?' }],
        },
      });
      expect(offline[0]).toEqual({
        type: 'prompt',
        provider: 'offline',
        model: null,
        messages: null,
      });
      expect(offline.at(-1)).toEqual({ type: 'done' });
      expect(model.requests.length).toBe(before);
    });
  });
}
