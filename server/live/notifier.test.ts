import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase } from '../db/open';
import { postgresAt } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { openLiveSocket } from '../testing/live-socket';
import { startTestServer, type TestServer } from '../testing/test-server';

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
});
