import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaAlerts } from '../db/schema';
import { client } from '../testing/client';
import { meta, mutation } from '../testing/fixtures';
import { policyInput } from '../testing/sla';
import { startTestServer, type TestServer } from '../testing/test-server';
import { startSlaSweeper } from './sweeper';

describe('the Node server’s SLA sweeper', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('sweeps on its interval and stops', async () => {
    const admin = client(server, await server.signIn('ada@acme.test', 'admin'));
    await admin.post('/v1/sla/policies', policyInput({ targets: { firstResponse: 1 } }));
    const long = new Date(Date.now() - 3600_000).toISOString();
    await admin.post('/v1/push', {
      clientId: crypto.randomUUID(),
      mutations: [
        mutation(1, 'conversation.upsert', {
          meta: { ...meta(), firstMessageAt: long, lastMessageAt: long },
        }),
      ],
    });
    const stop = startSlaSweeper(server.deps, 20);
    const until = Date.now() + 5000;
    while ((await server.database.db.select().from(slaAlerts)).length === 0) {
      if (Date.now() > until) throw new Error('the sweeper never swept');
      await new Promise((r) => setTimeout(r, 20));
    }
    await stop();
    expect(await server.database.db.select().from(slaAlerts)).toMatchObject([
      { kind: 'breach', target: 'firstResponse' },
    ]);
  });
});
