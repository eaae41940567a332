import { afterAll, describe, expect, it } from 'vitest';
import { slaAlerts } from '../db/schema';
import { client } from '../testing/client';
import { meta, mutation } from '../testing/fixtures';
import { policyInput } from '../testing/sla';
import { startTestServer, type TestServer } from '../testing/test-server';
import { type RunningWorker, startWorker } from '../testing/worker';
import { workerTargets } from '../testing/worker-target';

// Runs where the suite's worker runs: DATABASE_URL set and workerd able to start.
describe.skipIf(workerTargets().length === 0)('the Worker’s Cron Trigger', () => {
  let server: TestServer | undefined;
  let worker: RunningWorker | undefined;
  afterAll(async () => {
    await worker?.close();
    await server?.close();
  });

  it('runs the scheduled sweep on its own database: an overdue first response gets its breach alert', async () => {
    server = await startTestServer({ database: 'postgres' });
    const admin = client(server, await server.signIn('ada@acme.test', 'admin'));
    await admin.post('/v1/sla/policies', policyInput({ targets: { firstResponse: 1 } }));
    const long = new Date(Date.now() - 3600_000).toISOString();
    const pushed = await admin.post('/v1/push', {
      clientId: crypto.randomUUID(),
      mutations: [
        mutation(1, 'conversation.upsert', {
          meta: { ...meta(), firstMessageAt: long, lastMessageAt: long },
        }),
      ],
    });
    expect(pushed.status).toBe(200);
    expect(await server.database.db.select().from(slaAlerts)).toEqual([]);

    worker = await startWorker({
      databaseUrl: server.database.url!,
      vars: { JWT_SECRET: 'sidedesk-scheduled-test-secret-0123456789' },
      testScheduled: true,
    });
    const res = await fetch(`${worker.url}/__scheduled?cron=*+*+*+*+*`);
    expect(res.status).toBe(200);
    expect(await server.database.db.select().from(slaAlerts)).toMatchObject([
      { kind: 'breach', target: 'firstResponse' },
    ]);
  });
});
