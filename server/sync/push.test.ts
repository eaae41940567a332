import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import type { PullResponse, PushResponse } from '../../lib/schema';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

for (const target of testTargets()) {
  describe(`push and pull [${target.name}]`, () => {
    let server: TestServer;
    let admin: TestSession;
    let agent: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      admin = await server.signIn('ada@acme.test', 'admin');
      agent = await server.signIn('ana@acme.test', 'agent');
    });
    afterAll(() => server?.close());

    const post = async <T>(path: string, who: TestSession, body: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: who.headers,
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    };

    it('creates, assigns and pulls a conversation', async () => {
      const clientId = randomUUID();
      const m = meta();
      const id = await conversationIdFor(m.key);
      const pushed = await post<PushResponse>('/v1/push', agent, {
        clientId,
        mutations: [
          mutation(1, 'conversation.upsert', { meta: m }),
          mutation(2, 'conversation.assign', {
            conversationId: id,
            assigneeId: agent.member.id,
            expectedAssigneeId: null,
          }),
        ],
      });
      expect(pushed.status).toBe(200);
      expect(pushed.body.results.map((r) => r.status)).toEqual(['ok', 'ok']);
      const pulled = await post<PullResponse>('/v1/pull', agent, { clientId, cursor: 0 });
      expect(pulled.body.lastMutationId).toBe(2);
      const conv = pulled.body.changes.find((c) => c.entity === 'conversation');
      expect(conv?.record).toMatchObject({ id, assigneeId: agent.member.id });
      expect(pulled.body.cursor).toBe(pushed.body.version);
    });

    it('applies a duplicate push once: same result, one event, one version', async () => {
      const m = meta();
      const id = await conversationIdFor(m.key);
      await post('/v1/push', admin, {
        clientId: randomUUID(),
        mutations: [mutation(1, 'conversation.upsert', { meta: m })],
      });
      const clientId = randomUUID();
      const body = {
        clientId,
        mutations: [
          mutation(1, 'conversation.setPriority', { conversationId: id, priority: 'urgent' }),
        ],
      };
      const first = await post<PushResponse>('/v1/push', admin, body);
      const second = await post<PushResponse>('/v1/push', admin, body);
      expect(first.body.results).toEqual([{ id: 1, status: 'ok' }]);
      expect(second.body.results).toEqual(first.body.results);
      expect(second.body.version).toBe(first.body.version);
      const res = await fetch(`${server.url}/v1/conversations/${id}/events`, {
        headers: admin.headers,
      });
      const events = (await res.json()) as { type: string }[];
      expect(events.map((e) => e.type)).toEqual(['conversation.created', 'conversation.priority']);
    });

    it('keeps a rejected mutation out of the version sequence but consumes its id', async () => {
      const m = meta();
      const id = await conversationIdFor(m.key);
      const clientId = randomUUID();
      const created = await post<PushResponse>('/v1/push', admin, {
        clientId,
        mutations: [
          mutation(1, 'conversation.upsert', { meta: m }),
          mutation(2, 'conversation.assign', {
            conversationId: id,
            assigneeId: agent.member.id,
            expectedAssigneeId: null,
          }),
        ],
      });
      const lost = await post<PushResponse>('/v1/push', agent, {
        clientId: randomUUID(),
        mutations: [
          mutation(1, 'conversation.unassign', {
            conversationId: id,
            expectedAssigneeId: admin.member.id,
          }),
        ],
      });
      expect(lost.body.results[0]).toMatchObject({
        status: 'conflict',
        current: { assigneeId: agent.member.id },
      });
      expect(lost.body.version).toBe(created.body.version);
      const noop = await post<PushResponse>('/v1/push', admin, {
        clientId,
        mutations: [mutation(3, 'conversation.upsert', { meta: m })],
      });
      expect(noop.body).toMatchObject({
        results: [{ status: 'ok' }],
        version: created.body.version,
      });
      const pulled = await post<PullResponse>('/v1/pull', admin, { clientId, cursor: 0 });
      expect(pulled.body.lastMutationId).toBe(3);
    });

    it('binds a client id to the member who first used it', async () => {
      const clientId = randomUUID();
      await post('/v1/pull', admin, { clientId, cursor: 0 });
      await post('/v1/push', admin, {
        clientId,
        mutations: [mutation(1, 'conversation.upsert', { meta: meta() })],
      });
      const stolen = await post('/v1/push', agent, {
        clientId,
        mutations: [mutation(2, 'conversation.upsert', { meta: meta() })],
      });
      expect(stolen.status).toBe(403);
      expect((await post('/v1/pull', agent, { clientId, cursor: 0 })).status).toBe(403);
    });
  });
}
