import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../lib/conversation-id';
import { eventually } from '../lib/testing/sync-client';
import { meta } from '../server/testing/fixtures';
import { startTestServer, type TestServer } from '../server/testing/test-server';
import { WireClient } from './load-wire-client';

describe('the load benchmark’s wire client', () => {
  let server: TestServer;
  const clients: WireClient[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  afterEach(() => {
    for (const c of clients.splice(0)) c.stop();
  });

  async function open(email: string, role: 'admin' | 'agent', landed: string[] = []) {
    const who = await server.signIn(email, role, { workspace: 'Wire' });
    const errors: string[] = [];
    const acknowledged: { id: number; status: string }[] = [];
    const client = new WireClient(server.url, who, {
      landed: (id) => landed.push(id),
      acknowledged: (id, result) => acknowledged.push({ id, status: result.status }),
      error: (message) => errors.push(message),
    });
    clients.push(client);
    await client.start();
    return { client, who, errors, acknowledged, landed };
  }

  it('bootstraps, pushes in order, and hears the others’ notes by poke', async () => {
    const ana = await open('ana@wire.test', 'admin');
    const m = meta();
    ana.client.mutate('conversation.upsert', { meta: m });
    const conversationId = await conversationIdFor(m.key);
    const before = randomUUID();
    ana.client.mutate('note.add', { id: before, conversationId, body: 'before Ben' });
    await eventually(async () => ana.acknowledged.length === 2);

    const ben = await open('ben@wire.test', 'agent');
    expect([...ben.client.notes]).toEqual([before]);
    expect(ben.landed).toEqual([]);

    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) ana.client.mutate('note.add', { id, conversationId, body: 'hi' });
    await eventually(async () => ben.landed.length === 3);
    expect(ben.landed).toEqual(ids);
    expect(ana.acknowledged.map((a) => a.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(ana.acknowledged.map((a) => a.id)).toEqual([1, 2, 3, 4, 5]);
    expect(ana.client.queued()).toEqual([]);
    expect([ana.errors, ben.errors]).toEqual([[], []]);
  });

  it('applies a poke that carries its changes, and pulls for one that does not', async () => {
    const ana = await open('ana@wire.test', 'admin');
    const m = meta();
    ana.client.mutate('conversation.upsert', { meta: m });
    await eventually(async () => ana.acknowledged.length === 1);
    const ben = await open('ben@wire.test', 'agent');
    const conversationId = await conversationIdFor(m.key);

    // A REST write: its poke names the version only, so Ben pulls it.
    const res = await server.request('/v1/tags', {
      method: 'POST',
      headers: ana.who.headers,
      body: JSON.stringify({ name: 'wire' }),
    });
    expect(res.status).toBe(201);
    await eventually(async () => ben.client.pulls === 1);

    // A pushed note's poke carries it: no pull.
    const id = randomUUID();
    ana.client.mutate('note.add', { id, conversationId, body: 'hi' });
    await eventually(async () => ben.landed.includes(id));
    expect(ben.client.pulls).toBe(1);
    expect([ana.errors, ben.errors]).toEqual([[], []]);
  });
});
