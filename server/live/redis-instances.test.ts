import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { postgresAt } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { openLiveSocket } from '../testing/live-socket';
import { rawRedis, testChannel, testRedis } from '../testing/redis';
import { startTestServer, type TestServer } from '../testing/test-server';
import { Announcement } from './notifier';

const url = process.env.DATABASE_URL;
const redisUrl = await testRedis();

describe.runIf(url && redisUrl)('two API instances on one Postgres, PUBSUB=redis', () => {
  const channel = testChannel();
  let shared: Awaited<ReturnType<ReturnType<typeof postgresAt>['open']>>;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    shared = await postgresAt(url!).open();
    const sameDatabase = {
      name: 'postgres' as const,
      open: () =>
        openDatabase({
          url: shared.url!,
          pubsub: { kind: 'redis', url: redisUrl!, channel },
        }),
    };
    a = await startTestServer({ database: sameDatabase });
    b = await startTestServer({ database: sameDatabase });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await shared?.close();
  });

  const ticket = async (server: TestServer, headers: Record<string, string>) => {
    const res = await fetch(`${server.url}/v1/live/ticket`, { method: 'POST', headers });
    return ((await res.json()) as { ticket: string }).ticket;
  };

  it('pokes a socket on B, through Redis, after a push to A', async () => {
    const onA = await a.signIn('ada@acme.test');
    const onB = await b.signIn('ada@acme.test');
    const live = await openLiveSocket(b.wsUrl, await ticket(b, onB.headers));
    // What crosses between the instances, read off the channel itself.
    const watcher = await rawRedis(redisUrl!);
    const onChannel: Announcement[] = [];
    await watcher.subscribe(channel, (m) => void onChannel.push(Announcement.parse(JSON.parse(m))));
    const pushed = await fetch(`${a.url}/v1/push`, {
      method: 'POST',
      headers: onA.headers,
      body: JSON.stringify({
        clientId: randomUUID(),
        mutations: [mutation(1, 'conversation.upsert', { meta: meta() })],
      }),
    });
    const { version } = (await pushed.json()) as { version: number };
    const poke = await live.next((m) => m.type === 'poke' && m.version === version);
    expect(poke.type === 'poke' && poke.changes?.[0]).toMatchObject({ entity: 'conversation' });
    await expect
      .poll(() => onChannel)
      .toContainEqual(expect.objectContaining({ workspaceId: onA.workspace.id, version }));
    live.socket.close();
    watcher.destroy();
  });

  it('tells a socket on B of a presence set on A', async () => {
    const onA = await a.signIn('ana@acme.test', 'agent');
    const onB = await b.signIn('ben@acme.test', 'agent');
    const anaLive = await openLiveSocket(a.wsUrl, await ticket(a, onA.headers));
    const benLive = await openLiveSocket(b.wsUrl, await ticket(b, onB.headers));
    await Promise.all([anaLive, benLive].map((live) => live.next((m) => m.type === 'poke')));
    anaLive.socket.send(
      JSON.stringify({ type: 'presence', conversationId: 'conv-r', state: 'viewing' }),
    );
    const told = await benLive.next(
      (m) => m.type === 'presence' && m.conversationId === 'conv-r' && m.entries.length === 1,
    );
    expect(told.type === 'presence' && told.entries[0]).toMatchObject({
      memberId: onA.member.id,
      state: 'viewing',
    });
    anaLive.socket.close();
    await benLive.next(
      (m) => m.type === 'presence' && m.conversationId === 'conv-r' && m.entries.length === 0,
    );
    benLive.socket.close();
  });
});
