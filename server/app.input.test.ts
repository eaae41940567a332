import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../lib/conversation-id';
import type { PullResponse, PushResponse } from '../lib/schema';
import { workspaces } from './db/schema';
import { testDatabases } from './testing/databases';
import { meta, mutation } from './testing/fixtures';
import { startTestServer, type TestServer, type TestSession } from './testing/test-server';

type ErrorBody = { error: { code: string; message: string; issues?: { path: string }[] } };

for (const target of testDatabases()) {
  describe(`bad input gets a clear 4xx [${target.name}]`, () => {
    let server: TestServer;
    let admin: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      admin = await server.signIn('ada@acme.test');
    });
    afterAll(() => server?.close());

    const call = async (path: string, init: RequestInit = {}, who: TestSession | null = admin) => {
      const res = await server.app.request(path, {
        method: 'POST',
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(who && { authorization: `Bearer ${who.token}` }),
          ...(init.headers as Record<string, string>),
        },
      });
      return {
        status: res.status,
        body: (await res.json()) as ErrorBody & PushResponse & PullResponse,
      };
    };

    it('refuses malformed JSON', async () => {
      const r = await call('/v1/pull', { body: '{"clientId":' });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_body');
    });

    it('refuses a body that is not JSON', async () => {
      const r = await call('/v1/pull', {
        body: 'cursor=1',
        headers: { 'content-type': 'text/plain' },
      });
      expect(r).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    });

    it('names the fields of the wrong type', async () => {
      const r = await call('/v1/pull', { body: JSON.stringify({ clientId: 'nope', cursor: '1' }) });
      expect(r.status).toBe(400);
      expect(r.body.error.issues?.map((i) => i.path).sort()).toEqual(['clientId', 'cursor']);
    });

    it('refuses a body over 1 MB with 413', async () => {
      const r = await call('/v1/push', { body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) });
      expect(r).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    });

    it('marks an unknown mutation invalid and still applies the others', async () => {
      const m = meta();
      const clientId = randomUUID();
      const r = await call('/v1/push', {
        body: JSON.stringify({
          clientId,
          mutations: [
            mutation(1, 'conversation.upsert', { meta: m }),
            mutation(2, 'conversation.explode', {}),
            mutation(3, 'conversation.setPriority', { conversationId: 'x', priority: 'loud' }),
            mutation(4, 'conversation.setPriority', {
              conversationId: await conversationIdFor(m.key),
              priority: 'urgent',
            }),
          ],
        }),
      });
      expect(r.status).toBe(200);
      expect(r.body.results.map((x) => x.status)).toEqual(['ok', 'invalid', 'invalid', 'ok']);
      expect(r.body.results[1]).toMatchObject({
        message: 'unknown mutation "conversation.explode"',
      });
      const pulled = await call('/v1/pull', { body: JSON.stringify({ clientId, cursor: 0 }) });
      expect(pulled.body.lastMutationId).toBe(4);
    });

    it('tells a client with a cursor from the future or from before compaction to reset', async () => {
      const clientId = randomUUID();
      const future = await call('/v1/pull', { body: JSON.stringify({ clientId, cursor: 10_000 }) });
      expect(future.body.reset).toBe(true);
      await server.database.db
        .update(workspaces)
        .set({ minCursor: 2 })
        .where(eq(workspaces.id, admin.workspace.id));
      const stale = await call('/v1/pull', { body: JSON.stringify({ clientId, cursor: 1 }) });
      expect(stale.body).toMatchObject({ reset: true, changes: [] });
      const fresh = await call('/v1/pull', { body: JSON.stringify({ clientId, cursor: 2 }) });
      expect(fresh.body.reset).toBe(false);
    });

    it('says token_expired for an expired token', async () => {
      const expired = await server.tokens.member(admin.member.id, admin.workspace.id, -10);
      const r = await server.app.request('/v1/me', {
        headers: { authorization: `Bearer ${expired.token}` },
      });
      expect(r.status).toBe(401);
      expect(((await r.json()) as ErrorBody).error.code).toBe('token_expired');
    });

    it('refuses a token signed by someone else', async () => {
      const [head, body] = admin.token.split('.');
      const r = await server.app.request('/v1/me', {
        headers: { authorization: `Bearer ${head}.${body}.c2lnbmF0dXJl` },
      });
      expect(r.status).toBe(401);
      expect(((await r.json()) as ErrorBody).error.code).toBe('unauthorized');
    });

    it('refuses a member deactivated mid-session at the next request, keeping what they did', async () => {
      const bo = await server.signIn('bo@acme.test', 'agent');
      const m = meta();
      const id = await conversationIdFor(m.key);
      const pushed = await call(
        '/v1/push',
        {
          body: JSON.stringify({
            clientId: randomUUID(),
            mutations: [
              mutation(1, 'conversation.upsert', { meta: m }),
              mutation(2, 'conversation.assign', {
                conversationId: id,
                assigneeId: bo.member.id,
                expectedAssigneeId: null,
              }),
            ],
          }),
        },
        bo,
      );
      expect(pushed.body.results.map((x) => x.status)).toEqual(['ok', 'ok']);
      const off = await call(`/v1/members/${bo.member.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ status: 'deactivated' }),
      });
      expect(off.status).toBe(200);
      const after = await call(
        '/v1/pull',
        { body: JSON.stringify({ clientId: randomUUID(), cursor: 0 }) },
        bo,
      );
      expect(after).toMatchObject({ status: 401, body: { error: { code: 'member_inactive' } } });
      const boot = await server.app.request('/v1/bootstrap?limit=2000', { headers: admin.headers });
      const { changes } = (await boot.json()) as {
        changes: { id: string; record: { assigneeId?: string | null } }[];
      };
      // Their conversation survived and went back to the queue.
      expect(changes.find((c) => c.id === id)?.record.assigneeId).toBeNull();
    });

    it('refuses a bootstrap page token it did not make', async () => {
      const r = await server.app.request('/v1/bootstrap?page=bm9wZQ', { headers: admin.headers });
      expect(r.status).toBe(400);
      expect(((await r.json()) as ErrorBody).error.code).toBe('invalid_query');
    });

    it('answers an unknown route with a JSON 404', async () => {
      const r = await server.app.request('/v1/nothing-here');
      expect(r.status).toBe(404);
      expect(((await r.json()) as ErrorBody).error.code).toBe('not_found');
    });
  });
}
