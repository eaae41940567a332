import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import type { Conversation } from '../../lib/schema';
import { client } from '../testing/client';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

for (const target of testTargets()) {
  describe(`tags [${target.name}]`, () => {
    let server: TestServer;
    let lead: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      agent = client(server, await server.signIn('ana@acme.test', 'agent'));
    });
    afterAll(() => server?.close());

    const conversation = async (tags: string[]) => {
      const m = meta();
      const id = await conversationIdFor(m.key);
      const r = await lead.post('/v1/push', {
        clientId: randomUUID(),
        mutations: [
          mutation(1, 'conversation.upsert', { meta: m }),
          ...tags.map((tag, i) =>
            mutation(i + 2, 'conversation.addTag', { conversationId: id, tag }),
          ),
        ],
      });
      expect(r.body.results.every((x: { status: string }) => x.status === 'ok')).toBe(true);
      return id;
    };
    const tagsOf = async (id: string) => {
      const { body } = await agent.post('/v1/pull', {
        clientId: randomUUID(),
        cursor: 0,
        limit: 2000,
      });
      return (body.changes as { id: string; record: Conversation }[]).find((c) => c.id === id)!
        .record.tags;
    };

    it('creates a tag once; a second one of the same name conflicts', async () => {
      const created = await lead.post('/v1/tags', { name: 'billing', color: '#123456' });
      expect(created).toMatchObject({ status: 201, body: { name: 'billing', color: '#123456' } });
      expect((await lead.post('/v1/tags', { name: 'billing' })).status).toBe(409);
      expect((await agent.get('/v1/tags')).body.map((t: { name: string }) => t.name)).toContain(
        'billing',
      );
    });

    it('lets an agent use existing tags only; a lead creates one by using it', async () => {
      const id = await conversation([]);
      const clientId = randomUUID();
      const r = await agent.post('/v1/push', {
        clientId,
        mutations: [
          mutation(1, 'conversation.addTag', { conversationId: id, tag: 'billing' }),
          mutation(2, 'conversation.addTag', { conversationId: id, tag: 'brand-new' }),
        ],
      });
      expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['ok', 'forbidden']);
      await conversation(['made-by-use']);
      expect((await agent.get('/v1/tags')).body.map((t: { name: string }) => t.name)).toContain(
        'made-by-use',
      );
    });

    it('renames a tag on every conversation that carries it', async () => {
      const tag = (await lead.post('/v1/tags', { name: 'old-name' })).body;
      const id = await conversation(['old-name', 'billing']);
      const renamed = await lead.patch(`/v1/tags/${tag.id}`, { name: 'new-name' });
      expect(renamed.body.name).toBe('new-name');
      expect((await tagsOf(id)).sort()).toEqual(['billing', 'new-name']);
      expect((await lead.patch(`/v1/tags/${tag.id}`, { name: 'billing' })).status).toBe(409);
    });

    it('deletes a tag as a tombstone and takes it off conversations', async () => {
      const tag = (await lead.post('/v1/tags', { name: 'doomed' })).body;
      const id = await conversation(['doomed']);
      expect((await lead.delete(`/v1/tags/${tag.id}`)).status).toBe(204);
      expect(await tagsOf(id)).toEqual([]);
      const { body } = await agent.post('/v1/pull', {
        clientId: randomUUID(),
        cursor: 0,
        limit: 2000,
      });
      expect(body.changes.find((c: { id: string }) => c.id === tag.id)).toMatchObject({
        record: null,
      });
      expect((await lead.delete(`/v1/tags/${tag.id}`)).status).toBe(404);
      expect((await lead.post('/v1/tags', { name: 'doomed' })).status).toBe(201);
    });

    it('merges a tag into another: conversations follow once, with a new version and event', async () => {
      const from = (await lead.post('/v1/tags', { name: 'invoice' })).body;
      const into = (await lead.post('/v1/tags', { name: 'billing-2' })).body;
      const only = await conversation(['invoice']);
      const both = await conversation(['billing-2', 'invoice']);
      const untouched = await conversation(['billing-2']);
      const t = (
        await lead.post('/v1/templates', {
          title: 'inv',
          body: 'x',
          scope: 'team',
          tags: ['invoice'],
        })
      ).body;
      const { body: boot } = await agent.get('/v1/bootstrap?limit=1000');

      const merged = await lead.post(`/v1/tags/${from.id}/merge`, { into: into.id });
      expect(merged).toMatchObject({ status: 200, body: { id: into.id, name: 'billing-2' } });
      expect(await tagsOf(only)).toEqual(['billing-2']);
      expect(await tagsOf(both)).toEqual(['billing-2']);

      const pulled = await agent.post('/v1/pull', {
        clientId: randomUUID(),
        cursor: boot.cursor,
      });
      const ids = pulled.body.changes.map((c: { id: string }) => c.id);
      expect(ids).toEqual(expect.arrayContaining([only, both, from.id, t.id]));
      expect(ids).not.toContain(untouched);
      expect(pulled.body.changes).toContainEqual(
        expect.objectContaining({
          id: t.id,
          record: expect.objectContaining({ tags: ['billing-2'], revision: 1 }),
        }),
      );
      const events = (await agent.get(`/v1/conversations/${only}/events`)).body;
      expect(events.at(-1)).toMatchObject({
        type: 'conversation.retagged',
        before: 'invoice',
        after: 'billing-2',
      });
      expect((await lead.get('/v1/tags')).body.map((x: { id: string }) => x.id)).not.toContain(
        from.id,
      );
      expect((await lead.post(`/v1/tags/${into.id}/merge`, { into: into.id })).status).toBe(409);
      expect((await lead.post(`/v1/tags/${from.id}/merge`, { into: into.id })).status).toBe(404);
      expect((await agent.post(`/v1/tags/${into.id}/merge`, { into: from.id })).status).toBe(403);
    });

    it('archives a tag and counts open conversations per tag', async () => {
      const tag = (await lead.post('/v1/tags', { name: 'counted' })).body;
      await conversation(['counted']);
      const closed = await conversation(['counted']);
      await lead.post('/v1/push', {
        clientId: randomUUID(),
        mutations: [
          mutation(1, 'conversation.setStatus', {
            conversationId: closed,
            status: 'closed',
            snoozedUntil: null,
          }),
        ],
      });
      const archived = await lead.patch(`/v1/tags/${tag.id}`, { archived: true });
      expect(archived.body.archived).toBe(true);
      const counts = (await agent.get('/v1/tags/counts')).body;
      expect(counts).toContainEqual({ tagId: tag.id, name: 'counted', open: 1 });
      expect(counts.find((c: { name: string }) => c.name === 'doomed')).toMatchObject({ open: 0 });
    });
  });
}
