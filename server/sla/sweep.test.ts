import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import {
  type Conversation,
  type Event,
  SlaAlertEvent,
  SlaSweepResult,
  SlaWebhookPayload,
} from '../../lib/schema';
import { openDatabase } from '../db/open';
import { events, slaAlerts } from '../db/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { policyInput } from '../testing/sla';
import { startTestServer, type TestServer } from '../testing/test-server';
import { startReceiver, verifySignature } from '../testing/webhook-receiver';
import { sweepSla } from './sweep';

const T0 = Date.parse('2026-11-30T09:00:00.000Z');
const min = (n: number) => new Date(T0 + n * 60_000).toISOString();
const SECRET = 'whsec-0123456789abcdef';

for (const target of testDatabases()) {
  describe(`SLA sweep [${target.name}]`, () => {
    let server: TestServer;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let clock = new Date(T0);
    let admin: ReturnType<typeof client>;
    let ana: { id: string };
    let policyId: string;
    let workspaceId: string;
    let mutationId = 0;
    const clientId = randomUUID();

    beforeAll(async () => {
      receiver = await startReceiver();
      server = await startTestServer({
        database: target,
        now: () => clock,
        webhook: { random: () => 0 },
      });
      const session = await server.signIn('ada@acme.test', 'admin');
      workspaceId = session.workspace.id;
      admin = client(server, session);
      ana = (await server.signIn('ana@acme.test', 'agent')).member;
      await admin.put('/v1/sla/webhook', { url: receiver.url, secret: SECRET });
      policyId = (
        await admin.post(
          '/v1/sla/policies',
          policyInput({
            targets: { firstResponse: 30 },
            warning: { unit: 'minutes', value: 10 },
          }),
        )
      ).body.id;
    });
    afterAll(async () => {
      await server?.close();
      await receiver?.close();
    });

    const at = (minutes: number) => {
      clock = new Date(T0 + minutes * 60_000);
    };
    const push = async (name: string, args: unknown) => {
      const r = await admin.post('/v1/push', {
        clientId,
        mutations: [mutation(++mutationId, name, args)],
      });
      expect(r.body.results[0].status).toBe('ok');
    };
    const arrive = async (minutes: number) => {
      const m = { ...meta(), firstMessageAt: min(minutes), lastMessageAt: min(minutes) };
      await push('conversation.upsert', { meta: m });
      return conversationIdFor(m.key);
    };
    const sweep = async () => {
      const r = await admin.post('/v1/sla/sweep');
      expect(r.status).toBe(200);
      return SlaSweepResult.parse(r.body);
    };
    const read = async (id: string): Promise<Conversation> => {
      const { changes } = (await admin.get('/v1/bootstrap?limit=2000')).body;
      return changes.find((c: { id: string }) => c.id === id).record;
    };
    const slaEvents = async (id: string) =>
      ((await admin.get(`/v1/conversations/${id}/events`)).body as Event[]).filter((e) =>
        e.type.startsWith('sla.'),
      );

    it('warns once, breaches once, and posts the breach once, signed', async () => {
      at(1);
      const id = await arrive(0);
      await push('conversation.assign', {
        conversationId: id,
        assigneeId: ana.id,
        expectedAssigneeId: null,
      });
      at(5);
      expect(await sweep()).toMatchObject({ conversations: 0, alerts: 0 });

      at(21);
      expect(await sweep()).toMatchObject({ conversations: 1, alerts: 1 });
      const [warning] = await slaEvents(id);
      expect(warning).toMatchObject({ type: 'sla.warning', actorId: null, conversationId: id });
      expect(SlaAlertEvent.parse(warning?.after)).toEqual({
        target: 'firstResponse',
        clock: 0,
        dueAt: min(30),
        warnAt: min(20),
        assigneeId: ana.id,
        policyId,
      });
      const warned = await read(id);
      at(22);
      expect(await sweep()).toMatchObject({ conversations: 0, alerts: 0 });
      expect(receiver.received).toHaveLength(0);

      at(31);
      expect(await sweep()).toEqual({
        conversations: 1,
        alerts: 1,
        automations: { ran: 0, failed: 0 },
        deliveries: { delivered: 1, retrying: 0, failed: 0 },
      });
      at(32);
      expect(await sweep()).toMatchObject({ alerts: 0, deliveries: { delivered: 0 } });
      expect((await slaEvents(id)).map((e) => e.type)).toEqual(['sla.warning', 'sla.breached']);

      const breached = await read(id);
      expect(breached.version).toBeGreaterThan(warned.version);
      expect(breached.sla?.firstResponse).toMatchObject({ state: 'breached', dueAt: min(30) });

      expect(receiver.received).toHaveLength(1);
      const [{ headers, body }] = receiver.received as [(typeof receiver.received)[0]];
      expect(headers['content-type']).toBe('application/json');
      expect(headers['sidedesk-event']).toBe('sla.breached');
      expect(verifySignature(SECRET, String(headers['sidedesk-signature']), body, clock)).toBe(
        true,
      );
      expect(
        verifySignature('another-secret-xx', String(headers['sidedesk-signature']), body, clock),
      ).toBe(false);
      const payload = SlaWebhookPayload.parse(JSON.parse(body));
      expect(headers['sidedesk-delivery']).toBe(payload.id);
      expect(payload).toMatchObject({
        type: 'sla.breached',
        workspaceId,
        createdAt: min(31),
        data: {
          conversationId: id,
          target: 'firstResponse',
          clock: 0,
          dueAt: min(30),
          assigneeId: ana.id,
          policyId,
        },
      });
    });

    it('records nothing for a target met in time', async () => {
      at(100);
      const id = await arrive(100);
      at(105);
      await push('conversation.reply', { conversationId: id, at: min(104) });
      at(200);
      expect(await sweep()).toMatchObject({ alerts: 0 });
      expect(await slaEvents(id)).toEqual([]);
    });

    it('two sweeps at once record and post each breach once', async () => {
      at(300);
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push(await arrive(300));
      at(340);
      const before = receiver.received.length;
      // On Postgres each sweep has its own connections, as two instances would.
      const extra =
        target.name === 'postgres' ? await openDatabase({ url: server.database.url! }) : null;
      const other = extra ?? server.database;
      const options = { now: clock, webhook: server.deps.sla.webhook };
      const results = await Promise.all([
        sweepSla(server.database, options),
        sweepSla(other, options),
      ]);
      await extra?.close();
      // Found breached already: a breach each (no warning), recorded by one of the two.
      expect(results[0].alerts + results[1].alerts).toBe(ids.length);
      expect(results[0].deliveries.delivered + results[1].deliveries.delivered).toBe(ids.length);
      expect(receiver.received.length - before).toBe(ids.length);
      const rows = await server.database.db
        .select({ id: events.id })
        .from(events)
        .where(eq(events.type, 'sla.breached'));
      const alerts = await server.database.db.select().from(slaAlerts);
      expect(alerts.filter((a) => ids.includes(a.conversationId))).toHaveLength(ids.length);
      expect(rows.length).toBe(ids.length + 1);
    });

    it('a scheduler sweeps every workspace with its secret; others get 401', async () => {
      const scheduled = await startTestServer({
        database: target,
        now: () => clock,
        slaSweepSecret: 's'.repeat(40),
      });
      try {
        const sweep = (authorization?: string) =>
          scheduled.app.request('/v1/sla/sweep', {
            method: 'POST',
            headers: authorization ? { authorization } : {},
          });
        const a = client(
          scheduled,
          await scheduled.signIn('ada@a.test', 'admin', { workspace: 'A' }),
        );
        const b = client(
          scheduled,
          await scheduled.signIn('bo@b.test', 'admin', { workspace: 'B' }),
        );
        for (const who of [a, b]) {
          await who.post('/v1/sla/policies', policyInput());
          await who.post('/v1/push', {
            clientId: randomUUID(),
            mutations: [
              mutation(1, 'conversation.upsert', {
                meta: { ...meta(), firstMessageAt: min(0), lastMessageAt: min(0) },
              }),
            ],
          });
        }
        at(400);
        expect((await sweep()).status).toBe(401);
        expect((await sweep(`Bearer ${'x'.repeat(40)}`)).status).toBe(401);
        const r = await sweep(`Bearer ${'s'.repeat(40)}`);
        expect(r.status).toBe(200);
        expect(SlaSweepResult.parse(await r.json())).toMatchObject({ conversations: 2, alerts: 2 });
        const agent = client(
          scheduled,
          await scheduled.signIn('al@a.test', 'agent', { workspace: 'A' }),
        );
        expect((await agent.post('/v1/sla/sweep')).status).toBe(403);
      } finally {
        await scheduled.close();
      }
    });
  });
}
