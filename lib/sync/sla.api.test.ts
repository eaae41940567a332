import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../server/testing/client';
import { meta } from '../../server/testing/fixtures';
import { calendarInput, policyInput } from '../../server/testing/sla';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import { conversationIdFor } from '../conversation-id';
import type { ChangeNotice } from '../schema/messages';
import { eventually, syncClient } from '../testing/sync-client';

let server: TestServer;
const engines: { engine: { stop(): void } }[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const c of engines.splice(0)) c.engine.stop();
});
afterAll(async () => {
  await server?.close();
});

describe('SLA records in the extension’s cache', () => {
  it('come with bootstrap, follow every change, and announce themselves as "sla"', async () => {
    const adminSession = await server.signIn('ada@acme.test', 'admin');
    const admin = client(server, adminSession);
    const berlin = (await admin.post('/v1/sla/calendars', calendarInput('Berlin'))).body;
    const spare = (await admin.post('/v1/sla/calendars', calendarInput('Spare'))).body;
    const p1 = (
      await admin.post(
        '/v1/sla/policies',
        policyInput({ name: 'P1', clock: 'business', calendarId: berlin.id }),
      )
    ).body;

    const notices: ChangeNotice[] = [];
    const ana = await syncClient(
      server.url,
      await server.signIn('ana@acme.test', 'agent'),
      (notice) => notices.push(notice),
    );
    engines.push(ana);
    expect((await ana.db.slaCalendars.toArray()).map((c) => c.name).sort()).toEqual([
      'Berlin',
      'Spare',
    ]);
    expect(await ana.db.slaPolicies.get(p1.id)).toEqual(p1);

    notices.length = 0;
    const p2 = (await admin.post('/v1/sla/policies', policyInput({ name: 'P2' }))).body;
    await admin.delete(`/v1/sla/calendars/${spare.id}`);
    await eventually(async () => (await ana.db.slaPolicies.get(p2.id)) !== undefined);
    await eventually(async () => (await ana.db.slaCalendars.get(spare.id)) === undefined);
    expect(notices.some((n) => n.tables.includes('sla'))).toBe(true);
  });

  it('a reply sent from the extension meets the first response for everyone', async () => {
    const admin = client(server, await server.signIn('ada@acme.test', 'admin'));
    await admin.post(
      '/v1/sla/policies',
      policyInput({ name: 'Any', targets: { firstResponse: 240 } }),
    );
    const ana = await syncClient(server.url, await server.signIn('ana@acme.test', 'agent'));
    engines.push(ana);
    const now = new Date().toISOString();
    const m = { ...meta(), firstMessageAt: now, lastMessageAt: now };
    const id = await conversationIdFor(m.key);
    expect((await ana.engine.mutate('conversation.upsert', { meta: m })).ok).toBe(true);
    await eventually(async () => (await ana.db.conversations.get(id))?.sla?.firstResponse?.state);
    expect((await ana.db.conversations.get(id))?.sla?.firstResponse?.state).toBe('running');

    const r = await ana.engine.mutate('conversation.reply', { conversationId: id, at: now });
    expect(r).toMatchObject({ ok: true, mutationId: expect.any(Number) });
    await eventually(
      async () => (await ana.db.conversations.get(id))?.sla?.firstResponse?.state === 'met',
    );
    expect(await ana.db.outbox.count()).toBe(0);
  });
});
