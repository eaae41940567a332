import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { events } from '../db/schema';
import { client } from '../testing/client';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';
import { testTargets } from '../testing/worker-target';

const TEMPLATE_ID = '00000000-0000-4000-8000-00000000aaaa';

for (const target of testTargets()) {
  describe(`copilot.record [${target.name}]`, () => {
    let server: TestServer;
    let ana: ReturnType<typeof client>;
    let anaSession: TestSession;
    let conversationId: string;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      anaSession = await server.signIn('ana@acme.test', 'agent');
      ana = client(server, anaSession);
      const m = meta();
      conversationId = await conversationIdFor(m.key);
      await ana.post('/v1/push', {
        clientId: randomUUID(),
        mutations: [mutation(1, 'conversation.upsert', { meta: m })],
      });
    });
    afterAll(() => server?.close());

    const record = (args: object, clientId = randomUUID()) =>
      ana.post('/v1/push', { clientId, mutations: [mutation(1, 'copilot.record', args)] });
    const draft = () => ({
      conversationId,
      task: 'draft',
      provider: 'openai-compatible',
      model: 'llama3.1:8b',
      sources: [
        { kind: 'template', id: TEMPLATE_ID },
        { kind: 'conversation', id: 'c0123456789abcdef0123456789abcde' },
      ],
      outcome: 'edited',
    });

    it('writes a copilot.<task> event by the member who asked, with no text, bumping nothing', async () => {
      const before = (await ana.post('/v1/pull', { clientId: randomUUID(), cursor: 0 })).body
        .cursor;
      const r = await record(draft());
      expect(r.body.results).toEqual([{ id: 1, status: 'ok' }]);
      // Nothing synced changed: no new version, no pull for anyone.
      expect(r.body.version).toBe(before);

      const history = (await ana.get(`/v1/conversations/${conversationId}/events`)).body;
      const drafted = history.filter((e: { type: string }) => e.type === 'copilot.draft');
      expect(drafted).toEqual([
        expect.objectContaining({
          actorId: anaSession.member.id,
          conversationId,
          before: null,
          after: {
            task: 'draft',
            provider: 'openai-compatible',
            model: 'llama3.1:8b',
            sources: draft().sources,
            outcome: 'edited',
          },
        }),
      ]);
    });

    it('records triage applied, and an answer for a thread not recorded', async () => {
      const triage = await record({
        conversationId,
        task: 'triage',
        provider: 'offline',
        model: null,
        sources: [],
        outcome: 'applied',
      });
      expect(triage.body.results).toEqual([{ id: 1, status: 'ok' }]);
      const loose = await record({ ...draft(), conversationId: null, task: 'summary' });
      expect(loose.body.results).toEqual([{ id: 1, status: 'ok' }]);
      const rows = await server.database.db
        .select()
        .from(events)
        .where(eq(events.type, 'copilot.summary'));
      expect(rows).toMatchObject([{ conversationId: null, actorId: anaSession.member.id }]);
    });

    it('refuses any text riding along, and outcomes that do not fit the task', async () => {
      const cases = [
        { ...draft(), body: 'Dear customer, your refund…' },
        { ...draft(), text: 'the draft' },
        { ...draft(), sources: [{ kind: 'template', id: TEMPLATE_ID, title: 'Refund' }] },
        { ...draft(), sources: [{ kind: 'template', id: 'a refund for jane@example.com' }] },
        { ...draft(), model: 'gpt 4o, and here is the thread: …' },
        { ...draft(), outcome: 'applied' },
        { ...draft(), task: 'triage', outcome: 'accepted' },
        {
          ...draft(),
          sources: Array.from({ length: 21 }, () => ({ kind: 'template', id: TEMPLATE_ID })),
        },
      ];
      for (const args of cases) {
        const r = await record(args);
        expect(r.body.results[0], JSON.stringify(args)).toMatchObject({ status: 'invalid' });
      }
      const extra = await record({ ...draft(), body: 'Dear customer' });
      expect(extra.body.results[0].message).toMatch(/copilot\.record: .*body/);
      const stored = await server.database.db.select().from(events);
      expect(JSON.stringify(stored)).not.toContain('Dear customer');
      expect(JSON.stringify(stored)).not.toContain('jane@example.com');
    });

    it('refuses an unknown conversation and keeps a replayed id to one event', async () => {
      const nowhere = await record({ ...draft(), conversationId: 'no-such-conversation' });
      expect(nowhere.body.results[0]).toMatchObject({
        status: 'invalid',
        message: expect.stringContaining('unknown conversation'),
      });

      const clientId = randomUUID();
      const count = async () =>
        (await server.database.db.select().from(events).where(eq(events.type, 'copilot.draft')))
          .length;
      const start = await count();
      await record({ ...draft(), outcome: 'accepted' }, clientId);
      const replay = await record({ ...draft(), outcome: 'accepted' }, clientId);
      expect(replay.body.results).toEqual([{ id: 1, status: 'ok' }]);
      expect(await count()).toBe(start + 1);
    });
  });
}
