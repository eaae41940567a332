import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRedis, testChannel, testRedis } from '../testing/redis';
import type { Announcement, Notifier } from './notifier';
import { REDIS_POKE_MAX_BYTES, redisNotifier } from './redis-notifier';

const url = await testRedis();

/** Everything one workspace's listener hears, and a wait for what it has not yet. */
function listen(notifier: Notifier, workspaceId: string) {
  const heard: Announcement[] = [];
  notifier.subscribe(workspaceId, (a) => heard.push(a));
  return {
    heard,
    async next(match: (a: Announcement) => boolean = () => true) {
      for (let i = 0; i < 200; i++) {
        const found = heard.find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`not heard in 2 s; heard ${JSON.stringify(heard)}`);
    },
  };
}

const tombstones = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    entity: 'tag' as const,
    id: `tag-${i}-${'x'.repeat(40)}`,
    version: 1,
    record: null,
  }));

const openTcpSockets = () =>
  process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

describe.runIf(url)('Redis notifier: two instances on one Redis', () => {
  const opened: Notifier[] = [];
  const open = async (channel: string) => {
    const notifier = await redisNotifier(url!, channel);
    opened.push(notifier);
    return notifier;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((n) => n.close()));
  });

  it('carries a poke and a presence notice from A to a subscriber on B, in its workspace only', async () => {
    const channel = testChannel();
    const [a, b] = [await open(channel), await open(channel)];
    const ws = randomUUID();
    const onB = listen(b, ws);
    const otherWorkspace = listen(b, randomUUID());
    const onA = listen(a, ws);
    const poke = { workspaceId: ws, version: 7, changes: tombstones(1) };
    await a.publish(poke);
    expect(await onB.next()).toEqual(poke);
    const notice = {
      workspaceId: ws,
      presence: {
        conversationId: 'conv-1',
        entries: [
          {
            conversationId: 'conv-1',
            memberId: randomUUID(),
            state: 'replying' as const,
            expiresAt: new Date().toISOString(),
          },
        ],
      },
    };
    await a.publish(notice);
    expect(await onB.next((x) => 'presence' in x)).toEqual(notice);
    // The publisher hears itself too, as with LISTEN/NOTIFY: its own sockets are told.
    await onA.next((x) => 'presence' in x);
    expect(onB.heard).toEqual([poke, notice]);
    expect(otherWorkspace.heard).toEqual([]);
  });

  it('ignores what is not an announcement, and goes on', async () => {
    const channel = testChannel();
    const b = await open(channel);
    const ws = randomUUID();
    const onB = listen(b, ws);
    const raw = await rawRedis(url!);
    for (const junk of [
      'not json',
      '{"workspaceId":"not-a-uuid","version":1}',
      JSON.stringify({ workspaceId: ws, version: -1 }),
      JSON.stringify({ workspaceId: ws, presence: { conversationId: 'c' } }),
      JSON.stringify([ws]),
    ])
      await raw.publish(channel, junk);
    await raw.publish(channel, JSON.stringify({ workspaceId: ws, version: 3 }));
    await onB.next();
    expect(onB.heard).toEqual([{ workspaceId: ws, version: 3 }]);
    raw.destroy();
  });

  it('sends a version over 64 KiB without its changes, so clients pull it', async () => {
    const channel = testChannel();
    const [a, b] = [await open(channel), await open(channel)];
    const ws = randomUUID();
    const onB = listen(b, ws);
    const large = tombstones(2000);
    expect(JSON.stringify(large).length).toBeGreaterThan(REDIS_POKE_MAX_BYTES);
    await a.publish({ workspaceId: ws, version: 1, changes: large });
    const within = tombstones(500);
    await a.publish({ workspaceId: ws, version: 2, changes: within });
    await onB.next((x) => 'version' in x && x.version === 2);
    expect(onB.heard).toEqual([
      { workspaceId: ws, version: 1 },
      { workspaceId: ws, version: 2, changes: within },
    ]);
  });

  it('reconnects and resubscribes by itself when Redis drops its connections', async () => {
    const channel = testChannel();
    const [a, b] = [await open(channel), await open(channel)];
    const ws = randomUUID();
    const onB = listen(b, ws);
    const raw = await rawRedis(url!);
    const list = await raw.clientList();
    const ours = list.filter((c) => c.name.startsWith(`${channel}:`));
    expect(ours.map((c) => c.name).sort()).toEqual([
      `${channel}:publisher`,
      `${channel}:publisher`,
      `${channel}:subscriber`,
      `${channel}:subscriber`,
    ]);
    for (const c of ours) await raw.clientKill({ filter: 'ID', id: c.id });
    raw.destroy();
    // Publishing fails at once while A's link is down (the poke is dropped, the write is
    // not held up); once both links are back, B hears A again.
    for (let version = 1; !onB.heard.length; version++) {
      expect(version).toBeLessThan(500);
      await a.publish({ workspaceId: ws, version }).catch(() => {});
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(onB.heard[0]).toMatchObject({ workspaceId: ws });
  });

  it('close() ends both connections and leaves no open handle', async () => {
    // What the tests before opened is gone once closed (a socket's handle goes a moment
    // after its close, so the count is polled).
    await expect.poll(openTcpSockets).toBe(0);
    const channel = testChannel();
    const a = await redisNotifier(url!, channel);
    const b = await redisNotifier(url!, channel);
    expect(openTcpSockets()).toBe(4);
    await a.publish({ workspaceId: randomUUID(), version: 1 });
    await Promise.all([a.close(), b.close()]);
    await expect.poll(openTcpSockets).toBe(0);
    await expect(a.publish({ workspaceId: randomUUID(), version: 2 })).rejects.toThrow();
  });
});

describe('Redis notifier without Redis', () => {
  it('refuses to start when Redis does not answer, rather than wait forever', async () => {
    const started = Date.now();
    await expect(redisNotifier('redis://127.0.0.1:1', testChannel())).rejects.toThrow(
      'Redis at 127.0.0.1:1 does not answer',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect.poll(openTcpSockets).toBe(0);
  });
});
