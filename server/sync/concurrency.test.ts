import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import type { Change, MutationResult, PullResponse, PushResponse } from '../../lib/schema';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

/** Real HTTP requests: on Postgres each concurrent one runs on its own pooled connection. */
for (const target of testTargets()) {
  describe(`concurrent writers [${target.name}]`, () => {
    let server: TestServer;
    let lead: TestSession;
    let ana: TestSession;
    let bo: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      lead = await server.signIn('leo@acme.test', 'lead');
      ana = await server.signIn('ana@acme.test', 'agent');
      bo = await server.signIn('bo@acme.test', 'agent');
    });
    afterAll(() => server?.close());

    const post = async <T>(path: string, who: TestSession, body: unknown): Promise<T> => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: who.headers,
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as T;
    };
    const push = (who: TestSession, clientId: string, mutations: unknown[]) =>
      post<PushResponse>('/v1/push', who, { clientId, mutations });

    it('lets exactly one of two racing assigns win; the other gets the current record', async () => {
      for (let round = 0; round < 5; round++) {
        const m = meta();
        const conversationId = await conversationIdFor(m.key);
        await push(lead, randomUUID(), [mutation(1, 'conversation.upsert', { meta: m })]);
        const take = (who: TestSession) =>
          push(who, randomUUID(), [
            mutation(1, 'conversation.assign', {
              conversationId,
              assigneeId: who.member.id,
              expectedAssigneeId: null,
            }),
          ]).then((r) => r.results[0]!);
        const results: MutationResult[] = await Promise.all([take(ana), take(bo)]);
        const ok = results.filter((r) => r.status === 'ok');
        const lost = results.filter((r) => r.status === 'conflict');
        expect(ok).toHaveLength(1);
        expect(lost).toHaveLength(1);
        const winner = results[0]!.status === 'ok' ? ana : bo;
        expect(lost[0]).toMatchObject({
          current: { id: conversationId, assigneeId: winner.member.id },
        });
      }
    });

    it('applies a mutation sent twice at once only once', async () => {
      const m = meta();
      const conversationId = await conversationIdFor(m.key);
      await push(lead, randomUUID(), [mutation(1, 'conversation.upsert', { meta: m })]);
      const clientId = randomUUID();
      const body = [mutation(1, 'conversation.addTag', { conversationId, tag: 'twice' })];
      const [a, b] = await Promise.all([push(lead, clientId, body), push(lead, clientId, body)]);
      expect(a.results).toEqual(b.results);
      const res = await fetch(`${server.url}/v1/conversations/${conversationId}/events`, {
        headers: lead.headers,
      });
      const events = (await res.json()) as { type: string }[];
      expect(events.filter((e) => e.type === 'conversation.tagged')).toHaveLength(1);
    });

    it('pulls every change exactly once while pushers run', async () => {
      const base = meta();
      const conversationId = await conversationIdFor(base.key);
      await push(lead, randomUUID(), [mutation(1, 'conversation.upsert', { meta: base })]);
      const start = await post<PullResponse>('/v1/pull', lead, {
        clientId: randomUUID(),
        cursor: 0,
        limit: 2000,
      });
      const pushers = [lead, ana, bo, lead];
      const perPusher = 24;
      const written: string[] = [];
      let done = false;
      const pushing = Promise.all(
        pushers.map(async (who) => {
          const clientId = randomUUID();
          for (let i = 1; i <= perPusher; i += 3) {
            const batch = [i, i + 1, i + 2].map((id) => {
              const noteId = randomUUID();
              written.push(noteId);
              return mutation(id, 'note.add', { id: noteId, conversationId, body: `n${id}` });
            });
            const r = await push(who, clientId, batch);
            expect(r.results.every((x) => x.status === 'ok')).toBe(true);
          }
        }),
      ).finally(() => {
        done = true;
      });

      const seen: Change[] = [];
      let cursor = start.cursor;
      const puller = randomUUID();
      for (;;) {
        const finished = done;
        const page = await post<PullResponse>('/v1/pull', ana, {
          clientId: puller,
          cursor,
          limit: 5,
        });
        expect(page.reset).toBe(false);
        expect(page.cursor).toBeGreaterThanOrEqual(cursor);
        for (const c of page.changes) {
          expect(c.version).toBeGreaterThan(cursor);
          expect(c.version).toBeLessThanOrEqual(page.cursor);
        }
        seen.push(...page.changes);
        cursor = page.cursor;
        if (finished && !page.hasMore) break;
      }
      await pushing;
      const notes = seen.filter((c) => c.entity === 'note').map((c) => c.id);
      expect(notes).toHaveLength(pushers.length * perPusher);
      expect(new Set(notes)).toEqual(new Set(written));
    });
  });
}
