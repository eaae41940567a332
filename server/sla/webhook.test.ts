import { randomUUID } from 'node:crypto';
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlaWebhookPayload } from '../../lib/schema';
import { slaWebhookDeliveries, workspaces } from '../db/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { policyInput } from '../testing/sla';
import { startTestServer, type TestServer } from '../testing/test-server';
import { startReceiver, verifySignature } from '../testing/webhook-receiver';

const T0 = Date.parse('2026-11-30T09:00:00.000Z');
const SECRET = 'whsec-fedcba9876543210';
const SECOND = 1000;

for (const target of testDatabases()) {
  describe(`SLA webhook [${target.name}]`, () => {
    let server: TestServer;
    let clock = new Date(T0);
    let admin: ReturnType<typeof client>;
    const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];

    beforeAll(async () => {
      server = await startTestServer({
        database: target,
        now: () => clock,
        // random 0: each retry waits the lower end of its jitter window, exactly.
        webhook: { random: () => 0, maxAttempts: 3 },
      });
      admin = client(server, await server.signIn('ada@acme.test', 'admin'));
      await admin.post('/v1/sla/policies', policyInput({ targets: { firstResponse: 1 } }));
    });
    afterAll(async () => {
      await server?.close();
      for (const r of receivers) await r.close();
    });

    const receiver = async (answer: (n: number) => number) => {
      const r = await startReceiver(answer);
      receivers.push(r);
      await admin.put('/v1/sla/webhook', { url: r.url, secret: SECRET });
      return r;
    };
    const tick = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    /** A conversation that breaches its one-minute first response now. */
    const breach = async () => {
      const arrived = clock.toISOString();
      await admin.post('/v1/push', {
        clientId: randomUUID(),
        mutations: [
          mutation(1, 'conversation.upsert', {
            meta: { ...meta(), firstMessageAt: arrived, lastMessageAt: arrived },
          }),
        ],
      });
      tick(2 * 60 * SECOND);
    };
    const sweep = async () => (await admin.post('/v1/sla/sweep')).body.deliveries;
    const deliveries = () => server.database.db.select().from(slaWebhookDeliveries);

    it('only admins set it, with an http(s) URL and a secret; the secret is not logged', async () => {
      const agent = client(server, await server.signIn('ana@acme.test', 'agent'));
      expect((await agent.get('/v1/sla/webhook')).status).toBe(403);
      expect((await agent.put('/v1/sla/webhook', { url: null, secret: null })).status).toBe(403);
      const noSecret = await admin.put('/v1/sla/webhook', {
        url: 'https://x.test/h',
        secret: null,
      });
      expect(noSecret).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'secret' }] } },
      });
      const ftp = await admin.put('/v1/sla/webhook', { url: 'ftp://x.test/h', secret: SECRET });
      expect(ftp).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'url' }] } } });
      const set = await admin.put('/v1/sla/webhook', { url: 'https://x.test/h', secret: SECRET });
      // Write-only: no answer ever carries the secret.
      expect(set.body).toEqual({ url: 'https://x.test/h', secretSet: true });
      expect((await admin.get('/v1/sla/webhook')).body).toEqual(set.body);
      // A new URL without a secret keeps the stored one.
      const moved = await admin.put('/v1/sla/webhook', { url: 'https://y.test/h' });
      expect(moved.body).toEqual({ url: 'https://y.test/h', secretSet: true });
      const stored = await server.database.db
        .select({ webhook: workspaces.slaWebhook })
        .from(workspaces)
        .where(isNotNull(workspaces.slaWebhook));
      expect(stored.map((s) => s.webhook)).toEqual([{ url: 'https://y.test/h', secret: SECRET }]);
      expect(stored[0]?.webhook).toEqual({ url: 'https://y.test/h', secret: SECRET });
      expect((await admin.put('/v1/sla/webhook', { url: null })).body).toEqual({
        url: null,
        secretSet: false,
      });
      expect((await admin.post('/v1/sla/webhook/test')).status).toBe(409);
    });

    it('a test delivery is signed, and says what the receiver answered', async () => {
      const ok = await receiver(() => 204);
      expect((await admin.post('/v1/sla/webhook/test')).body).toEqual({
        delivered: true,
        status: 204,
        error: null,
      });
      const [{ headers, body }] = ok.received as [(typeof ok.received)[0]];
      expect(verifySignature(SECRET, String(headers['sidedesk-signature']), body, clock)).toBe(
        true,
      );
      expect(SlaWebhookPayload.parse(JSON.parse(body))).toMatchObject({
        type: 'sla.test',
        data: null,
      });

      await receiver(() => 500);
      expect((await admin.post('/v1/sla/webhook/test')).body).toEqual({
        delivered: false,
        status: 500,
        error: 'HTTP 500',
      });
      // A redirect is not followed: it could lead anywhere.
      const moved = await receiver(() => 302);
      expect((await admin.post('/v1/sla/webhook/test')).body).toMatchObject({
        delivered: false,
        status: 302,
      });
      expect(moved.received).toHaveLength(1);
    });

    it('retries a failed delivery with growing waits until it goes through', async () => {
      const flaky = await receiver((n) => (n < 2 ? 503 : 200));
      await breach();
      const start = clock.getTime();
      expect(await sweep()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      let [row] = await deliveries();
      // The first retry waits 30 s (60 s, halved by the jitter), the next 60 s.
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
      expect(row?.nextAttemptAt.getTime()).toBe(start + 30 * SECOND);

      tick(29 * SECOND);
      expect(await sweep()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      tick(1 * SECOND);
      expect(await sweep()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      [row] = await deliveries();
      expect(row?.nextAttemptAt.getTime()).toBe(clock.getTime() + 60 * SECOND);

      tick(60 * SECOND);
      expect(await sweep()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
      [row] = await deliveries();
      expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
      expect(row?.deliveredAt).toEqual(clock);
      // Every attempt carries the same delivery id, for the receiver to drop repeats.
      const ids = new Set(flaky.received.map((r) => r.headers['sidedesk-delivery']));
      expect([...ids]).toEqual([row?.id]);
      expect(flaky.received).toHaveLength(3);
    });

    it('gives up after the last attempt, and keeps why', async () => {
      await server.database.db.delete(slaWebhookDeliveries);
      const down = await receiver(() => 500);
      await breach();
      expect(await sweep()).toMatchObject({ retrying: 1 });
      tick(30 * SECOND);
      expect(await sweep()).toMatchObject({ retrying: 1 });
      tick(60 * SECOND);
      expect(await sweep()).toEqual({ delivered: 0, retrying: 0, failed: 1 });
      tick(3600 * SECOND);
      expect(await sweep()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      const [row] = await deliveries();
      expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 500' });
      expect(down.received).toHaveLength(3);
    });

    it('a delivery whose webhook was turned off fails at once', async () => {
      await server.database.db.delete(slaWebhookDeliveries);
      await receiver(() => 500);
      await breach();
      expect(await sweep()).toMatchObject({ retrying: 1 });
      await admin.put('/v1/sla/webhook', { url: null, secret: null });
      tick(60 * SECOND);
      expect(await sweep()).toMatchObject({ failed: 1 });
      const [row] = await server.database.db
        .select()
        .from(slaWebhookDeliveries)
        .where(eq(slaWebhookDeliveries.status, 'failed'));
      expect(row?.lastError).toBe('no webhook is set');
    });
  });
}
