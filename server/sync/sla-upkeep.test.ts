import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import type { Conversation, ConversationMeta, Event } from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { policyInput } from '../testing/sla';
import { startTestServer, type TestServer } from '../testing/test-server';

const T0 = Date.parse('2026-11-30T09:00:00.000Z');
const min = (n: number) => new Date(T0 + n * 60_000).toISOString();

for (const target of testDatabases()) {
  describe(`SLA snapshots kept up by every change [${target.name}]`, () => {
    let server: TestServer;
    let clock = new Date(T0);
    let ana: ReturnType<typeof client>;
    let anaId: string;
    let policyId: string;
    let mutationId = 0;
    const clientId = randomUUID();

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => clock });
      const admin = await server.signIn('ada@acme.test', 'admin');
      const session = await server.signIn('ana@acme.test', 'agent');
      anaId = session.member.id;
      ana = client(server, session);
      const ada = client(server, admin);
      await ada.patch('/v1/workspace/settings', { mailboxes: ['support@acme.test'] });
      policyId = (
        await ada.post(
          '/v1/sla/policies',
          policyInput({
            targets: { firstResponse: 30, nextResponse: 60, resolution: 240 },
            pauseWhen: ['pending'],
          }),
        )
      ).body.id;
    });
    afterAll(() => server?.close());

    const at = (minutes: number) => {
      clock = new Date(T0 + minutes * 60_000);
    };
    const push = async (name: string, args: unknown) => {
      const r = await ana.post('/v1/push', {
        clientId,
        mutations: [mutation(++mutationId, name, args)],
      });
      expect(r.body.results[0]).toEqual({ id: mutationId, status: 'ok' });
    };
    const read = async (id: string): Promise<Conversation> => {
      const { changes } = (await ana.get('/v1/bootstrap?limit=2000')).body;
      return changes.find((c: { id: string }) => c.id === id).record;
    };
    const events = async (id: string) =>
      ((await ana.get(`/v1/conversations/${id}/events`)).body as Event[]).map((e) => e.type);

    it('follows a conversation from arrival through replies, messages and a pause', async () => {
      const m: ConversationMeta = {
        ...meta(),
        firstMessageAt: min(0),
        lastMessageAt: min(0),
        lastMessageFrom: 'maria@customer.test',
      };
      const id = await conversationIdFor(m.key);
      at(5);
      await push('conversation.upsert', { meta: m });
      let c = await read(id);
      expect(c.sla).toMatchObject({
        policyId,
        firstResponse: { state: 'running', dueAt: min(30), warnAt: null },
        resolution: { state: 'running', dueAt: min(240) },
      });
      expect(c.dueAt).toBe(min(30));

      at(12);
      await push('conversation.reply', { conversationId: id, at: min(10) });
      c = await read(id);
      expect(c.sla?.firstResponse).toMatchObject({ state: 'met', completedAt: min(10) });
      expect(c.dueAt).toBe(min(240));

      // The customer writes again: the list row reports it first, the thread names them.
      at(62);
      await push('conversation.upsert', {
        meta: { ...m, lastMessageAt: min(60), lastMessageFrom: null },
      });
      expect((await read(id)).sla?.nextResponses).toEqual([]);
      await push('conversation.upsert', {
        meta: { ...m, lastMessageAt: min(60), lastMessageFrom: 'maria@customer.test' },
      });
      c = await read(id);
      expect(c.sla?.nextResponses).toMatchObject([{ state: 'running', dueAt: min(120) }]);
      expect(c.dueAt).toBe(min(120));

      // A reply seen in the shared mailbox answers it, without the extension sending it.
      at(75);
      await push('conversation.upsert', {
        meta: { ...m, lastMessageAt: min(70), lastMessageFrom: 'Support@Acme.test' },
      });
      c = await read(id);
      expect(c.sla?.nextResponses).toMatchObject([{ state: 'met', completedAt: min(70) }]);

      at(80);
      await push('conversation.setStatus', { conversationId: id, status: 'pending' });
      c = await read(id);
      expect(c.sla?.resolution).toMatchObject({ state: 'paused', dueAt: null });
      expect(c.dueAt).toBeNull();

      expect(await events(id)).toEqual([
        'conversation.created',
        'conversation.message_received',
        'conversation.replied',
        'conversation.updated',
        'conversation.updated',
        'conversation.message_received',
        'conversation.updated',
        'conversation.replied',
        'conversation.status',
      ]);
    });

    it("a message seen from a member's own address is a reply", async () => {
      const m = { ...meta(), firstMessageAt: min(0), lastMessageAt: min(0) };
      const id = await conversationIdFor(m.key);
      at(30);
      await push('conversation.upsert', { meta: m });
      await push('conversation.upsert', {
        meta: { ...m, lastMessageAt: min(10), lastMessageFrom: 'ana@acme.test' },
      });
      expect((await read(id)).sla?.firstResponse).toMatchObject({ state: 'met' });
      expect(await events(id)).toContain('conversation.replied');
    });

    it('a reply recorded by a member moves the snapshot for everyone in the same version', async () => {
      const m = { ...meta(), firstMessageAt: min(0), lastMessageAt: min(0) };
      const id = await conversationIdFor(m.key);
      at(20);
      await push('conversation.upsert', { meta: m });
      const before = await read(id);
      at(25);
      await push('conversation.reply', { conversationId: id, at: min(24) });
      const pulled = await ana.post('/v1/pull', {
        clientId: randomUUID(),
        cursor: before.version,
        protocol: 2,
      });
      expect(pulled.body.changes).toHaveLength(1);
      expect(pulled.body.changes[0].record.sla.firstResponse).toMatchObject({
        state: 'met',
        completedAt: min(24),
      });
      const [replied] = ((await ana.get(`/v1/conversations/${id}/events`)).body as Event[]).filter(
        (e) => e.type === 'conversation.replied',
      );
      expect(replied).toMatchObject({ actorId: anaId, after: { at: min(24) } });
    });
  });
}
