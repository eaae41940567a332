import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveServerMessage } from '../../lib/schema';
import { openLiveSocket } from '../testing/live-socket';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

type Presence = Extract<LiveServerMessage, { type: 'presence' }>;
const presenceOn =
  (conversationId: string, count: number) =>
  (m: LiveServerMessage): m is Presence =>
    m.type === 'presence' && m.conversationId === conversationId && m.entries.length === count;

for (const target of testTargets()) {
  describe(`live presence [${target.name}]`, () => {
    let server: TestServer;
    let ana: TestSession;
    let ben: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      ana = await server.signIn('ana@acme.test', 'agent');
      ben = await server.signIn('ben@acme.test', 'agent');
    });
    afterAll(() => server?.close());

    const connect = async (who: TestSession) => {
      const res = await fetch(`${server.url}/v1/live/ticket`, {
        method: 'POST',
        headers: who.headers,
      });
      const live = await openLiveSocket(
        server.wsUrl,
        ((await res.json()) as { ticket: string }).ticket,
      );
      await live.next((m) => m.type === 'poke');
      return live;
    };
    const say = (live: Awaited<ReturnType<typeof connect>>, message: unknown) =>
      live.socket.send(JSON.stringify(message));

    it('tells every socket who is viewing and replying, and who left', async () => {
      const anaLive = await connect(ana);
      const benLive = await connect(ben);
      say(anaLive, { type: 'presence', conversationId: 'conv-1', state: 'viewing' });
      const viewing = (await benLive.next(presenceOn('conv-1', 1))) as Presence;
      expect(viewing.entries).toEqual([
        {
          conversationId: 'conv-1',
          memberId: ana.member.id,
          state: 'viewing',
          expiresAt: expect.any(String),
        },
      ]);
      expect(Date.parse(viewing.entries[0]!.expiresAt)).toBeGreaterThan(Date.now() + 20_000);

      say(benLive, { type: 'presence', conversationId: 'conv-1', state: 'replying' });
      const both = (await anaLive.next(presenceOn('conv-1', 2))) as Presence;
      // Whoever replies comes first.
      expect(both.entries.map((e) => [e.memberId, e.state])).toEqual([
        [ben.member.id, 'replying'],
        [ana.member.id, 'viewing'],
      ]);

      say(anaLive, { type: 'presence', conversationId: 'conv-1', state: null });
      const left = (await benLive.next(
        (m) => presenceOn('conv-1', 1)(m) && m.entries[0]?.memberId === ben.member.id,
      )) as Presence;
      expect(left.entries[0]?.state).toBe('replying');
      anaLive.socket.close();
      benLive.socket.close();
    });

    it('sends a snapshot when a socket opens, and removes a closed socket’s presence', async () => {
      const anaLive = await connect(ana);
      say(anaLive, { type: 'presence', conversationId: 'conv-2', state: 'replying' });
      await anaLive.next(presenceOn('conv-2', 1));

      const benLive = await connect(ben);
      const snapshot = (await benLive.next(presenceOn('conv-2', 1))) as Presence;
      expect(snapshot.entries[0]).toMatchObject({ memberId: ana.member.id, state: 'replying' });

      anaLive.socket.close();
      await benLive.next(presenceOn('conv-2', 0));
      benLive.socket.close();
    });

    it('refuses a malformed presence and changes nothing', async () => {
      const anaLive = await connect(ana);
      say(anaLive, { type: 'presence', conversationId: 'conv-3', state: 'typing' });
      say(anaLive, { type: 'presence', conversationId: 'x'.repeat(65), state: 'viewing' });
      say(anaLive, { type: 'presence', state: 'viewing' });
      say(anaLive, { type: 'ping' });
      await anaLive.next((m) => m.type === 'pong');
      expect(anaLive.seen.filter((m) => m.type === 'error')).toHaveLength(3);
      const told = anaLive.seen.filter((m) => m.type === 'presence').map((m) => m.conversationId);
      expect(told).not.toContain('conv-3');
      expect(told).not.toContain('x'.repeat(65));
      anaLive.socket.close();
    });
  });
}
