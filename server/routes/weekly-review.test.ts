import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/open';
import { scheduledSweep } from '../sla/sweeper';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { historyWriter } from '../testing/history';
import { startTestServer, type TestServer } from '../testing/test-server';
import { startReceiver, verifySignature } from '../testing/webhook-receiver';

const NOW = new Date('2026-11-30T09:00:00.000Z');

for (const target of testDatabases()) {
  describe(`weekly review routes and webhook [${target.name}]`, () => {
    let server: TestServer;
    let clock = NOW;
    let admin: ReturnType<typeof client>;
    let lead: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => clock });
      receiver = await startReceiver();
      const ada = await server.signIn('ada@acme.test', 'admin');
      admin = client(server, ada);
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      agent = client(server, await server.signIn('ana@acme.test', 'agent'));
      const h = historyWriter(server, ada, (d) => {
        clock = d;
      });
      const c = await h.arrive('2026-11-24T10:00:00.000Z');
      await h.reply(c, '2026-11-24T11:00:00.000Z');
      clock = NOW;
    });
    afterAll(async () => {
      await receiver?.close();
      await server?.close();
    });

    it('lets leads read the review and only admins set the webhook or send', async () => {
      expect((await agent.get('/v1/reports/weekly')).status).toBe(403);
      expect((await lead.get('/v1/reports/weekly')).status).toBe(200);
      expect((await lead.get('/v1/reports/weekly/webhook')).status).toBe(403);
      expect((await lead.put('/v1/reports/weekly/webhook', { url: receiver.url })).status).toBe(
        403,
      );
      expect((await lead.post('/v1/reports/weekly/send')).status).toBe(403);
      expect((await agent.post('/v1/reports/weekly/send')).status).toBe(403);
      const unset = await admin.post('/v1/reports/weekly/send');
      expect(unset).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
      expect((await admin.put('/v1/reports/weekly/webhook', { url: 'ftp://x.test' })).status).toBe(
        400,
      );
    });

    it('generates the secret once, keeps it, and rotates it when asked', async () => {
      const set = await admin.put('/v1/reports/weekly/webhook', { url: receiver.url });
      expect(set.body).toMatchObject({ url: receiver.url, secretSet: true });
      expect(set.body.secret).toMatch(/^[\w-]{43}$/);
      const again = await admin.put('/v1/reports/weekly/webhook', { url: receiver.url });
      expect(again.body).toEqual({ url: receiver.url, secretSet: true, secret: null });
      expect((await admin.get('/v1/reports/weekly/webhook')).body).toEqual(again.body);
      const rotated = await admin.put('/v1/reports/weekly/webhook', {
        url: receiver.url,
        rotateSecret: true,
      });
      expect(rotated.body.secret).not.toBe(set.body.secret);

      const off = await admin.put('/v1/reports/weekly/webhook', { url: null });
      expect(off.body).toEqual({ url: null, secretSet: false, secret: null });
    });

    it('sends the review now, signed, when an admin asks', async () => {
      const { secret } = (await admin.put('/v1/reports/weekly/webhook', { url: receiver.url }))
        .body;
      receiver.received.length = 0;
      const sent = await admin.post('/v1/reports/weekly/send?week=2026-11-24');
      expect(sent.body).toEqual({ delivered: true, status: 204, error: null });
      expect(receiver.received).toHaveLength(1);
      const [got] = receiver.received;
      expect(got?.headers['sidedesk-event']).toBe('review.weekly');
      expect(
        verifySignature(secret, String(got?.headers['sidedesk-signature']), got!.body, NOW),
      ).toBe(true);
      const body = JSON.parse(got!.body);
      expect(body).toMatchObject({ type: 'review.weekly', data: { week: '2026-11-23' } });
      expect(body.data).toEqual((await lead.get('/v1/reports/weekly?week=2026-11-23')).body);
    });

    it('posts each week’s review once, after Monday 08:00, however often and from however many instances the scheduler ticks', async () => {
      const { secret } = (
        await admin.put('/v1/reports/weekly/webhook', { url: receiver.url, rotateSecret: true })
      ).body;
      receiver.received.length = 0;
      // A second instance: its own connections on Postgres.
      const other: Database = server.database.url
        ? await openDatabase({ url: server.database.url })
        : server.database;
      const instances = [server.deps, { ...server.deps, database: other }];
      const tick = (at: string, times = 2) => {
        clock = new Date(at);
        return Promise.all(
          Array.from({ length: times }, (_, i) => scheduledSweep(instances[i % 2]!)),
        );
      };
      try {
        await tick('2026-11-30T07:59:00.000Z');
        expect(receiver.received).toHaveLength(0);
        await tick('2026-11-30T08:00:00.000Z', 4);
        await tick('2026-11-30T08:01:00.000Z');
        await tick('2026-12-02T12:00:00.000Z');
        expect(receiver.received).toHaveLength(1);
        await tick('2026-12-07T08:30:00.000Z', 3);
        expect(receiver.received).toHaveLength(2);
      } finally {
        if (other !== server.database) await other.close();
      }
      const weeks = receiver.received.map((r) => JSON.parse(r.body).data.week);
      expect(weeks).toEqual(['2026-11-23', '2026-11-30']);
      const first = receiver.received[0]!;
      const signedAt = new Date('2026-11-30T08:00:00.000Z');
      expect(
        verifySignature(secret, String(first.headers['sidedesk-signature']), first.body, signedAt),
      ).toBe(true);
      expect(JSON.parse(first.body).data.conversations.current).toBe(1);
    });
  });
}
