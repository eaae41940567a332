import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { type Conversation, SlaPolicyRecord } from '../../lib/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { calendarInput, policyInput } from '../testing/sla';
import { startTestServer, type TestServer } from '../testing/test-server';

for (const target of testDatabases()) {
  describe(`SLA policies [${target.name}]`, () => {
    let server: TestServer;
    let admin: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;
    let mutationId = 0;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      admin = client(server, await server.signIn('ada@acme.test', 'admin'));
      agent = client(server, await server.signIn('ana@acme.test', 'agent'));
    });
    afterAll(() => server?.close());

    const clientId = randomUUID();
    const push = async (name: string, args: unknown) => {
      const r = await admin.post('/v1/push', {
        clientId,
        mutations: [mutation(++mutationId, name, args)],
      });
      expect(r.body.results[0].status).toBe('ok');
    };
    const policies = async () =>
      ((await agent.get('/v1/sla/policies')).body as SlaPolicyRecord[]).map((p) => p.name);
    const conversation = async (id: string): Promise<Conversation> => {
      const { changes } = (await agent.get('/v1/bootstrap?limit=2000')).body;
      return changes.find((c: { id: string }) => c.id === id).record;
    };

    it('admins add policies at the end of the order; every member reads them', async () => {
      const first = await admin.post('/v1/sla/policies', policyInput({ name: 'First' }));
      expect(first.status).toBe(201);
      expect(SlaPolicyRecord.parse(first.body)).toMatchObject({
        name: 'First',
        conditions: { priorities: [], tags: [], mailboxes: [], customerDomains: [], segments: [] },
        pauseWhen: [],
        warning: null,
        calendarId: null,
      });
      const second = (await admin.post('/v1/sla/policies', policyInput({ name: 'Second' }))).body;
      expect(second.position).toBeGreaterThan(first.body.position);
      expect(await policies()).toEqual(['First', 'Second']);
      expect((await agent.post('/v1/sla/policies', policyInput())).status).toBe(403);
    });

    it('refuses a business policy without a calendar, or with another workspace’s', async () => {
      const none = await admin.post('/v1/sla/policies', policyInput({ clock: 'business' }));
      expect(none).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'calendarId' }] } },
      });
      const unknown = await admin.post(
        '/v1/sla/policies',
        policyInput({ clock: 'business', calendarId: randomUUID() }),
      );
      expect(unknown).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'calendarId', message: /no such calendar/ }] } },
      });
      const bad = await admin.post('/v1/sla/policies', {
        ...policyInput(),
        targets: { firstResponse: -5 },
        warning: { unit: 'percent', value: 150 },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
        'targets.firstResponse',
        'warning.value',
      ]);
    });

    it('reorders the whole list only', async () => {
      const current = (await agent.get('/v1/sla/policies')).body as SlaPolicyRecord[];
      const reversed = current.map((p) => p.id).reverse();
      const r = await admin.post('/v1/sla/policies/reorder', { ids: reversed });
      expect(r.body.map((p: SlaPolicyRecord) => p.id)).toEqual(reversed);
      expect(await policies()).toEqual(['Second', 'First']);

      const partial = await admin.post('/v1/sla/policies/reorder', { ids: reversed.slice(1) });
      expect(partial).toMatchObject({ status: 409, body: { current: expect.any(Array) } });
      expect(partial.body.current).toHaveLength(2);
      const twice = await admin.post('/v1/sla/policies/reorder', {
        ids: [reversed[0], reversed[0]],
      });
      expect(twice.status).toBe(400);
    });

    it('edits from the version seen; a stale edit gets the current policy', async () => {
      const p = (await admin.post('/v1/sla/policies', policyInput({ name: 'Edited' }))).body;
      const edited = await admin.patch(`/v1/sla/policies/${p.id}`, {
        expectedVersion: p.version,
        targets: { firstResponse: 60, resolution: 480 },
      });
      expect(edited.body).toMatchObject({
        name: 'Edited',
        position: p.position,
        targets: { firstResponse: 60, resolution: 480 },
      });
      const stale = await admin.patch(`/v1/sla/policies/${p.id}`, {
        expectedVersion: p.version,
        name: 'Mine',
      });
      expect(stale).toMatchObject({ status: 409, body: { current: { name: 'Edited' } } });
      const business = await admin.patch(`/v1/sla/policies/${p.id}`, {
        expectedVersion: edited.body.version,
        clock: 'business',
      });
      expect(business).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'calendarId' }] } },
      });
      expect((await admin.delete(`/v1/sla/policies/${p.id}`)).status).toBe(204);
      expect((await admin.delete(`/v1/sla/policies/${p.id}`)).status).toBe(404);
    });

    it('evaluates open conversations again after each policy change, and only those', async () => {
      for (const p of (await agent.get('/v1/sla/policies')).body as SlaPolicyRecord[])
        await admin.delete(`/v1/sla/policies/${p.id}`);
      const open = meta();
      const closed = meta();
      await push('conversation.upsert', { meta: open });
      await push('conversation.upsert', { meta: closed });
      const openId = await conversationIdFor(open.key);
      const closedId = await conversationIdFor(closed.key);
      await push('conversation.setStatus', { conversationId: closedId, status: 'closed' });
      await push('conversation.setPriority', { conversationId: openId, priority: 'urgent' });
      expect((await conversation(openId)).sla).toBeNull();
      const before = await conversation(closedId);
      const { cursor } = (await agent.get('/v1/bootstrap')).body;

      const calendar = (await admin.post('/v1/sla/calendars', calendarInput())).body;
      const urgent = (
        await admin.post(
          '/v1/sla/policies',
          policyInput({
            name: 'Urgent',
            clock: 'business',
            calendarId: calendar.id,
            targets: { firstResponse: 30, resolution: 240 },
            conditions: { priorities: ['urgent'] },
          }),
        )
      ).body;
      const pulled = await agent.post('/v1/pull', { clientId: randomUUID(), cursor, protocol: 2 });
      const change = pulled.body.changes.find((c: { id: string }) => c.id === openId);
      expect(change.version).toBeGreaterThan(urgent.version);
      expect(change.record.sla).toMatchObject({
        policyId: urgent.id,
        firstResponse: { kind: 'firstResponse' },
        resolution: { kind: 'resolution' },
      });
      expect(change.record.dueAt).toBe(change.record.sla.dueAt);
      expect(pulled.body.changes.map((c: { id: string }) => c.id)).not.toContain(closedId);
      expect((await conversation(closedId)).version).toBe(before.version);

      // Moving the calendar's hours moves the due time.
      const later = await admin.patch(`/v1/sla/calendars/${calendar.id}`, {
        expectedVersion: calendar.version,
        alwaysOpen: true,
      });
      expect(later.status).toBe(200);
      const reopened = await conversation(openId);
      expect(reopened.sla?.firstResponse?.startedAt).toBe(
        change.record.sla.firstResponse.startedAt,
      );
      expect(reopened.version).toBeGreaterThan(change.version);

      await admin.delete(`/v1/sla/policies/${urgent.id}`);
      expect(await conversation(openId)).toMatchObject({ sla: null, dueAt: null });
    });
  });
}
