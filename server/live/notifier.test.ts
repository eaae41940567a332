import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { postgresAt } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { openLiveSocket } from '../testing/live-socket';
import { startTestServer, type TestServer } from '../testing/test-server';
import type { Announcement } from './notifier';

const url = process.env.DATABASE_URL;

describe.runIf(url)('two API instances on one Postgres', () => {
  let shared: Awaited<ReturnType<ReturnType<typeof postgresAt>['open']>>;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    shared = await postgresAt(url!).open();
    const sameDatabase = {
      name: 'postgres' as const,
      open: () => openDatabase({ url: shared.url! }),
    };
    a = await startTestServer({ database: sameDatabase });
    b = await startTestServer({ database: sameDatabase });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await shared?.close();
  });

  it('pokes a socket on one instance after a write through the other', async () => {
    const onA = await a.signIn('ada@acme.test');
    const onB = await b.signIn('ada@acme.test');
    const res = await fetch(`${b.url}/v1/live/ticket`, { method: 'POST', headers: onB.headers });
    const live = await openLiveSocket(b.wsUrl, ((await res.json()) as { ticket: string }).ticket);
    const pushed = await fetch(`${a.url}/v1/push`, {
      method: 'POST',
      headers: onA.headers,
      body: JSON.stringify({
        clientId: randomUUID(),
        mutations: [mutation(1, 'conversation.upsert', { meta: meta() })],
      }),
    });
    const { version } = (await pushed.json()) as { version: number };
    await live.next((m) => m.type === 'poke' && m.version === version);
    live.socket.close();
  });

  it('tells a socket on one instance of a presence set through the other', async () => {
    const onA = await a.signIn('ana@acme.test', 'agent');
    const onB = await b.signIn('ben@acme.test', 'agent');
    const ticket = async (server: TestServer, headers: Record<string, string>) => {
      const res = await fetch(`${server.url}/v1/live/ticket`, { method: 'POST', headers });
      return ((await res.json()) as { ticket: string }).ticket;
    };
    const anaLive = await openLiveSocket(a.wsUrl, await ticket(a, onA.headers));
    const benLive = await openLiveSocket(b.wsUrl, await ticket(b, onB.headers));
    await Promise.all([anaLive, benLive].map((live) => live.next((m) => m.type === 'poke')));
    anaLive.socket.send(
      JSON.stringify({ type: 'presence', conversationId: 'conv-x', state: 'replying' }),
    );
    const told = await benLive.next(
      (m) => m.type === 'presence' && m.conversationId === 'conv-x' && m.entries.length === 1,
    );
    expect(told.type === 'presence' && told.entries[0]).toMatchObject({
      memberId: onA.member.id,
      state: 'replying',
    });
    // The row is in the shared database, so instance B's snapshot has it too.
    const late = await openLiveSocket(b.wsUrl, await ticket(b, onB.headers));
    await late.next((m) => m.type === 'presence' && m.conversationId === 'conv-x');
    anaLive.socket.close();
    await benLive.next(
      (m) => m.type === 'presence' && m.conversationId === 'conv-x' && m.entries.length === 0,
    );
    benLive.socket.close();
    late.socket.close();
  });
});

describe.runIf(url)('Postgres notifier', () => {
  it('sends a version over NOTIFY’s 8000 bytes without its changes, counting bytes', async () => {
    const database = await postgresAt(url!).open();
    try {
      const ws = randomUUID();
      const heard: Announcement[] = [];
      database.notifier.subscribe(ws, (a) => heard.push(a));
      const tombstone = (id: string, version: number) => ({
        entity: 'tag' as const,
        id,
        version,
        record: null,
      });
      // 3000 characters of 3 bytes each: 9000 bytes, which NOTIFY refuses.
      await database.notifier.publish({
        workspaceId: ws,
        version: 1,
        changes: [tombstone('€'.repeat(3000), 1)],
      });
      const small = [tombstone('€'.repeat(100), 2)];
      await database.notifier.publish({ workspaceId: ws, version: 2, changes: small });
      await expect.poll(() => heard.length).toBe(2);
      expect(heard).toEqual([
        { workspaceId: ws, version: 1 },
        { workspaceId: ws, version: 2, changes: small },
      ]);
    } finally {
      await database.close();
    }
  });
});
