import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pglite } from '../../server/testing/databases';
import { meta } from '../../server/testing/fixtures';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import { workerTargets } from '../../server/testing/worker-target';
import { conversationIdFor } from '../conversation-id';
import { getMeta, setMeta } from '../meta';
import { eventsOf, eventually, reopen, syncClient } from '../testing/sync-client';

let server: TestServer;
const engines: { engine: { stop(): void } }[] = [];
const client = async (...args: Parameters<typeof syncClient>) => {
  const c = await syncClient(...args);
  engines.push(c);
  return c;
};

afterEach(() => {
  for (const c of engines.splice(0)) c.engine.stop();
});

const priorities = ['high', 'urgent', 'low', 'normal'] as const;

async function newConversation(c: Awaited<ReturnType<typeof syncClient>>) {
  const m = meta();
  const r = await c.engine.mutate('conversation.upsert', { meta: m });
  expect(r.ok).toBe(true);
  await c.engine.idle();
  return conversationIdFor(m.key);
}

for (const target of [pglite, ...workerTargets()])
  describe(`sync engine against the real API [${target.name}]`, () => {
    beforeAll(async () => {
      server = await startTestServer({ database: target });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('bootstraps the workspace on first sign-in and goes live', async () => {
      const ana = await server.signIn('ana@acme.test', 'admin', { name: 'Ana' });
      const a = await client(server.url, ana);
      expect(await getMeta(a.db, 'cursor')).toBeGreaterThan(0);
      expect((await a.db.members.toArray()).map((m) => m.email)).toContain('ana@acme.test');
      await eventually(async () => await getMeta(a.db, 'online'));
    });

    it('queues edits made offline and flushes them in order', async () => {
      const ana = await server.signIn('ana@acme.test', 'admin', { name: 'Ana' });
      const a = await client(server.url, ana);
      const id = await newConversation(a);

      a.network.offline = true;
      await a.engine.mutate('conversation.setPriority', { conversationId: id, priority: 'high' });
      await a.engine.mutate('conversation.setStatus', { conversationId: id, status: 'pending' });
      await a.engine.mutate('conversation.addTag', { conversationId: id, tag: 'billing' });
      await a.engine.mutate('conversation.setPriority', { conversationId: id, priority: 'urgent' });
      await a.engine.idle();
      expect(await a.db.outbox.count()).toBe(4);
      expect(await a.db.conversations.get(id)).toMatchObject({
        priority: 'urgent',
        status: 'pending',
        tags: ['billing'],
      });
      expect(await getMeta(a.db, 'lastError')).toMatch(/offline/);

      a.network.offline = false;
      await a.engine.sync();
      expect(await a.db.outbox.count()).toBe(0);
      expect(a.network.pushedIds).toEqual([...a.network.pushedIds].sort((x, y) => x - y));
      expect(a.network.acknowledged.every((r) => r.status === 'ok')).toBe(true);
      const types = (await eventsOf(server.url, ana.token, id)).map((e) => e.type);
      expect(types).toEqual([
        'conversation.created',
        'conversation.priority',
        'conversation.status',
        'conversation.tagged',
        'conversation.priority',
      ]);
      const fresh = await client(server.url, await server.signIn('ana@acme.test'));
      expect(await fresh.db.conversations.get(id)).toMatchObject({
        priority: 'urgent',
        status: 'pending',
        tags: ['billing'],
      });
    });

    it('a worker stopped mid-push loses and doubles nothing', async () => {
      const ana = await server.signIn('ana@acme.test', 'admin', { name: 'Ana' });
      const first = await client(server.url, ana);
      const id = await newConversation(first);
      const created = first.network.pushedIds.length;

      // The server takes the push, but the worker dies before it reads the answer.
      first.network.swallowPushAnswers = true;
      for (const priority of priorities) {
        await first.engine.mutate('conversation.setPriority', { conversationId: id, priority });
      }
      await eventually(async () => first.network.pushedIds.length > created);
      first.engine.stop();
      const sent = first.network.pushedIds.slice(created);

      const second = await reopen(first.factory);
      engines.push(second);
      await second.engine.sync();
      expect(await second.db.outbox.count()).toBe(0);
      const resent = second.network.pushedIds;
      expect(sent.length).toBeGreaterThan(0);
      expect(resent).toEqual(expect.arrayContaining(sent));
      const acknowledged = second.network.acknowledged.filter((r) => r.status === 'ok');
      const ids = [...new Set([...sent, ...resent])];
      const stored = (await eventsOf(server.url, ana.token, id)).filter(
        (e) => e.type === 'conversation.priority',
      );
      expect(ids).toHaveLength(priorities.length);
      expect(acknowledged.map((r) => r.id).sort()).toEqual(ids.sort());
      expect(stored).toHaveLength(priorities.length);
      expect(stored.map((e) => e.after)).toEqual([...priorities]);
      expect((await second.db.conversations.get(id))?.priority).toBe('normal');
    });

    it("one client's push reaches the other's cache through the realtime poke", async () => {
      const ana = await server.signIn('ana@acme.test', 'admin', { name: 'Ana' });
      const bo = await server.signIn('bo@acme.test', 'agent', { name: 'Bo' });
      const a = await client(server.url, ana);
      const b = await client(server.url, bo);
      await eventually(async () => await getMeta(b.db, 'online'));
      const id = await newConversation(a);
      await eventually(async () => await b.db.conversations.get(id));

      await a.engine.mutate('conversation.setPriority', { conversationId: id, priority: 'urgent' });
      const seen = await eventually(async () => {
        const c = await b.db.conversations.get(id);
        return c?.priority === 'urgent' && c;
      });
      expect(seen.priority).toBe('urgent');
    });

    it('applies the changes a poke carries without pulling, and pulls what a poke leaves out', async () => {
      const ana = await server.signIn('ana@acme.test', 'admin', {
        workspace: 'Pokes',
        name: 'Ana',
      });
      const bo = await server.signIn('bo@acme.test', 'agent', { workspace: 'Pokes', name: 'Bo' });
      const a = await client(server.url, ana);
      const b = await client(server.url, bo);
      await eventually(async () => await getMeta(b.db, 'online'));
      const id = await newConversation(a);
      await eventually(async () => await b.db.conversations.get(id));
      await b.engine.idle();

      const pullsBefore = b.network.pulls;
      await a.engine.mutate('conversation.setPriority', { conversationId: id, priority: 'urgent' });
      await eventually(async () => (await b.db.conversations.get(id))?.priority === 'urgent');
      await a.engine.mutate('conversation.addTag', { conversationId: id, tag: 'billing' });
      await eventually(async () => (await b.db.conversations.get(id))?.tags.includes('billing'));
      // The poke may reach b before a has read its own push's answer (on the worker it is sent first).
      await Promise.all([a.engine.idle(), b.engine.idle()]);
      expect(b.network.pulls).toBe(pullsBefore);
      expect(await getMeta(b.db, 'cursor')).toBe(await getMeta(a.db, 'cursor'));

      // A REST write's poke carries no changes: the client pulls it.
      const res = await fetch(`${server.url}/v1/tags`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'refunds', color: '#112233' }),
      });
      expect(res.status).toBe(201);
      await eventually(async () => (await b.db.tags.toArray()).some((t) => t.name === 'refunds'));
      expect(b.network.pulls).toBeGreaterThan(pullsBefore);
    });

    it('a backlog of long notes larger than the API takes in one request lands in batches that fit', async () => {
      const ana = await server.signIn('ana@acme.test', 'admin', {
        workspace: 'Notes',
        name: 'Ana',
      });
      const a = await client(server.url, ana);
      const id = await newConversation(a);
      a.network.offline = true;
      const body = 'Customer called back about the refund. '.repeat(400); // ~15.6 kB
      for (let i = 0; i < 100; i++)
        await a.engine.mutate('note.add', { id: crypto.randomUUID(), conversationId: id, body });
      await a.engine.idle();
      expect(await a.db.outbox.count()).toBe(100);

      a.network.offline = false;
      await a.engine.sync();
      expect(await a.db.outbox.count()).toBe(0);
      // Batches sized to the API's body limit: no 413, so each mutation went out once.
      expect(a.network.pushedIds).toHaveLength(101);
      const notes = (await eventsOf(server.url, ana.token, id)).filter(
        (e) => e.type === 'note.added',
      );
      expect(notes).toHaveLength(100);
      expect(a.network.acknowledged.filter((r) => r.status === 'ok')).toHaveLength(101);
    });

    it('a lost assignment race comes back as a conflict the UI can show', async () => {
      const ana = await server.signIn('ana@acme.test', 'agent', { workspace: 'Race', name: 'Ana' });
      const bo = await server.signIn('bo@acme.test', 'agent', { workspace: 'Race', name: 'Bo' });
      const a = await client(server.url, ana);
      const b = await client(server.url, bo);
      const id = await newConversation(a);
      await eventually(async () => await b.db.conversations.get(id));

      b.network.offline = true;
      const take = { conversationId: id, expectedAssigneeId: null };
      const mine = await b.engine.mutate('conversation.assign', {
        ...take,
        assigneeId: bo.member.id,
      });
      expect(mine.ok).toBe(true);
      expect((await b.db.conversations.get(id))?.assigneeId).toBe(bo.member.id);
      await a.engine.mutate('conversation.assign', { ...take, assigneeId: ana.member.id });
      await a.engine.idle();

      b.network.offline = false;
      await b.engine.sync();
      expect((await b.db.conversations.get(id))?.assigneeId).toBe(ana.member.id);
      expect(await b.db.outbox.count()).toBe(0);
      const [notice] = (await getMeta(b.db, 'notices')) ?? [];
      expect(notice).toMatchObject({
        status: 'conflict',
        conversationId: id,
        message: 'Ana took this',
        by: { id: ana.member.id, name: 'Ana' },
      });
      expect(notice?.at).toBeTruthy();
    });

    it('a reset re-bootstraps and keeps the pending outbox', async () => {
      const ana = await server.signIn('ana@acme.test', 'admin', { name: 'Ana' });
      const a = await client(server.url, ana);
      const id = await newConversation(a);

      a.network.offline = true;
      await a.engine.mutate('conversation.addTag', { conversationId: id, tag: 'kept' });
      await a.engine.idle();
      a.network.offline = false;
      // A cursor the server does not know: it answers reset.
      await setMeta(a.db, 'cursor', 1_000_000);
      await a.engine.pull();
      expect(await getMeta(a.db, 'cursor')).toBeLessThan(1_000_000);
      expect(await a.db.outbox.count()).toBe(1);
      expect((await a.db.conversations.get(id))?.tags).toEqual(['kept']);

      await a.engine.sync();
      expect(await a.db.outbox.count()).toBe(0);
      const tagged = (await eventsOf(server.url, ana.token, id)).filter(
        (e) => e.type === 'conversation.tagged',
      );
      expect(tagged).toHaveLength(1);
    });

    it('renews an expired member token from the identity token and carries on', async () => {
      const ana = await server.signIn('ana@acme.test', 'admin', { name: 'Ana' });
      const short = await server.tokens.member(ana.member.id, ana.workspace.id, 1);
      const a = await client(server.url, { ...ana, token: short.token });
      const id = await newConversation(a);
      await new Promise((r) => setTimeout(r, 2100));

      await a.engine.mutate('conversation.setPriority', { conversationId: id, priority: 'low' });
      await a.engine.idle();
      expect(await a.db.outbox.count()).toBe(0);
      expect(await getMeta(a.db, 'lastError')).toBeUndefined();
      expect((await getMeta(a.db, 'session'))?.token).not.toBe(short.token);
    });
  });
