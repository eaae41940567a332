import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { meta, mutation } from '../testing/fixtures';
import { openLiveSocket } from '../testing/live-socket';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

for (const target of testTargets()) {
  describe(`live pokes [${target.name}]`, () => {
    let server: TestServer;
    let ada: TestSession;
    let ana: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      ada = await server.signIn('ada@acme.test');
      ana = await server.signIn('ana@acme.test', 'agent');
    });
    afterAll(() => server?.close());

    const ticket = async (who: TestSession) => {
      const res = await fetch(`${server.url}/v1/live/ticket`, {
        method: 'POST',
        headers: who.headers,
      });
      return ((await res.json()) as { ticket: string }).ticket;
    };

    it('pokes with the new version after a push, and answers pings', async () => {
      const live = await openLiveSocket(server.wsUrl, await ticket(ana));
      const first = await live.next((m) => m.type === 'poke');
      const res = await fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: ada.headers,
        body: JSON.stringify({
          clientId: randomUUID(),
          mutations: [mutation(1, 'conversation.upsert', { meta: meta() })],
        }),
      });
      const { version } = (await res.json()) as { version: number };
      expect(first.type === 'poke' && first.version).toBeLessThan(version);
      await live.next((m) => m.type === 'poke' && m.version === version);
      live.socket.send(JSON.stringify({ type: 'ping' }));
      await live.next((m) => m.type === 'pong');
      live.socket.send('nonsense');
      await live.next((m) => m.type === 'error');
      live.socket.close();
    });

    it("carries a push's changes in its poke, exactly as a pull of that version returns them", async () => {
      const live = await openLiveSocket(server.wsUrl, await ticket(ana));
      await live.next((m) => m.type === 'poke');
      const clientId = randomUUID();
      const push = async (id: number, name: string, args: unknown) => {
        const res = await fetch(`${server.url}/v1/push`, {
          method: 'POST',
          headers: ada.headers,
          body: JSON.stringify({ clientId, mutations: [mutation(id, name, args)] }),
        });
        return ((await res.json()) as { version: number }).version;
      };
      // Pull returns current snapshots, so each version is compared before the next write.
      const pokeMatchesPull = async (version: number) => {
        const poke = await live.next((msg) => msg.type === 'poke' && msg.version === version);
        const res = await fetch(`${server.url}/v1/pull`, {
          method: 'POST',
          headers: ana.headers,
          body: JSON.stringify({ clientId: randomUUID(), cursor: version - 1 }),
        });
        const pulled = (await res.json()) as { changes: unknown[]; cursor: number };
        expect(pulled.cursor).toBe(version);
        expect(pulled.changes.length).toBeGreaterThan(0);
        expect(poke.type === 'poke' && poke.changes).toEqual(pulled.changes);
      };
      const m = meta();
      await pokeMatchesPull(await push(1, 'conversation.upsert', { meta: m }));
      const conversationId = await conversationIdFor(m.key);
      const noteId = randomUUID();
      await pokeMatchesPull(
        await push(2, 'conversation.addTag', { conversationId, tag: `new-${noteId.slice(0, 8)}` }),
      );
      await pokeMatchesPull(
        await push(3, 'note.add', { id: noteId, conversationId, body: 'Called back' }),
      );
      live.socket.close();
    });

    it('refuses a used ticket, and a foreign origin', async () => {
      const t = await ticket(ana);
      (await openLiveSocket(server.wsUrl, t)).socket.close();
      await expect(openLiveSocket(server.wsUrl, t)).rejects.toThrow('refused');
      const res = await server.app.request(`/v1/live?ticket=${await ticket(ana)}`, {
        headers: { origin: 'https://evil.example', upgrade: 'websocket' },
      });
      expect(res.status).toBe(403);
    });

    it('closes the socket of a member deactivated meanwhile', async () => {
      const bo = await server.signIn('bo@acme.test', 'agent');
      const live = await openLiveSocket(server.wsUrl, await ticket(bo));
      const closed = new Promise<number>((resolve) =>
        live.socket.addEventListener('close', (e) => resolve(e.code)),
      );
      await fetch(`${server.url}/v1/members/${bo.member.id}`, {
        method: 'PATCH',
        headers: ada.headers,
        body: JSON.stringify({ status: 'deactivated' }),
      });
      await live.next((m) => m.type === 'error');
      expect(await closed).toBe(4401);
    });
  });
}
