import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import type { Template } from '../../lib/schema';
import { events } from '../db/schema';
import { client } from '../testing/client';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

for (const target of testTargets()) {
  describe(`template.use [${target.name}]`, () => {
    let server: TestServer;
    let lead: ReturnType<typeof client>;
    let ana: ReturnType<typeof client>;
    let bo: ReturnType<typeof client>;
    let conversationId: string;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      lead = client(server, await server.signIn('leo@acme.test', 'lead'));
      ana = client(server, await server.signIn('ana@acme.test', 'agent'));
      bo = client(server, await server.signIn('bo@acme.test', 'agent'));
      const m = meta();
      conversationId = await conversationIdFor(m.key);
      await ana.post('/v1/push', {
        clientId: randomUUID(),
        mutations: [mutation(1, 'conversation.upsert', { meta: m })],
      });
    });
    afterAll(() => server?.close());

    const template = async (who: typeof ana, scope: string) =>
      (await who.post('/v1/templates', { title: `t-${scope}`, body: 'Hi', scope }))
        .body as Template;
    const use = (who: typeof ana, clientId: string, id: number, args: object) =>
      who.post('/v1/push', { clientId, mutations: [mutation(id, 'template.use', args)] });
    const usage = async (who: typeof ana, id: string) =>
      ((await who.get('/v1/templates')).body as Template[]).find((t) => t.id === id)?.usageCount;

    it('counts a use and writes a template.used event, at one new version', async () => {
      const t = await template(lead, 'team');
      const clientId = randomUUID();
      const first = await use(ana, clientId, 1, { templateId: t.id, conversationId });
      expect(first.body.results).toEqual([{ id: 1, status: 'ok' }]);
      const second = await use(ana, clientId, 2, { templateId: t.id, conversationId: null });
      expect(second.body.version).toBe(first.body.version + 1);
      expect(await usage(ana, t.id)).toBe(2);

      const history = (await ana.get(`/v1/conversations/${conversationId}/events`)).body;
      const used = history.filter((e: { type: string }) => e.type === 'template.used');
      expect(used).toHaveLength(1);
      expect(used[0]).toMatchObject({ version: first.body.version, after: { templateId: t.id } });

      const pulled = await ana.post('/v1/pull', { clientId, cursor: first.body.version });
      expect(pulled.body.changes).toContainEqual(
        expect.objectContaining({
          entity: 'template',
          record: expect.objectContaining({ usageCount: 2 }),
        }),
      );
    });

    it('counts a replayed mutation id once', async () => {
      const t = await template(lead, 'team');
      const clientId = randomUUID();
      await use(ana, clientId, 1, { templateId: t.id, conversationId: null });
      const replay = await use(ana, clientId, 1, { templateId: t.id, conversationId: null });
      expect(replay.body.results).toEqual([{ id: 1, status: 'ok' }]);
      expect(await usage(ana, t.id)).toBe(1);
    });

    it("refuses another member's personal template, an unknown conversation, leaving no trace", async () => {
      const mine = await template(bo, 'personal');
      const shared = await template(lead, 'team');
      const clientId = randomUUID();
      const before = (await ana.post('/v1/pull', { clientId, cursor: 0 })).body.cursor;
      const theirs = await use(ana, clientId, 1, { templateId: mine.id, conversationId: null });
      const nowhere = await use(ana, clientId, 2, {
        templateId: shared.id,
        conversationId: 'no-such-conversation',
      });
      expect(theirs.body.results[0]).toMatchObject({ status: 'invalid' });
      expect(nowhere.body.results[0]).toMatchObject({ status: 'invalid' });
      expect(nowhere.body.version).toBe(before);
      expect(await usage(bo, mine.id)).toBe(0);
      expect(await usage(ana, shared.id)).toBe(0);
      const traces = await server.database.db
        .select()
        .from(events)
        .where(
          and(eq(events.type, 'template.used'), eq(events.conversationId, 'no-such-conversation')),
        );
      expect(traces).toEqual([]);
    });

    it("refuses a use of another team's template", async () => {
      const team = (await lead.post('/v1/teams', { name: 'Billing', memberIds: [] })).body;
      const billing = (
        await lead.post('/v1/templates', {
          title: 'Billing only',
          body: 'Hi',
          scope: 'team',
          teamId: team.id,
        })
      ).body as Template;
      const result = await use(ana, randomUUID(), 1, {
        templateId: billing.id,
        conversationId: null,
      });
      expect(result.body.results[0]).toMatchObject({ status: 'invalid' });
      expect(await usage(lead, billing.id)).toBe(0);
    });

    it('lets the owner count a use of their personal template', async () => {
      const mine = await template(bo, 'personal');
      const result = await use(bo, randomUUID(), 1, { templateId: mine.id, conversationId: null });
      expect(result.body.results).toEqual([{ id: 1, status: 'ok' }]);
      expect(await usage(bo, mine.id)).toBe(1);
    });
  });
}
