import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { conversations, events, notes, workspaces } from '../db/schema';
import { scheduledSweep } from '../sla/sweeper';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';
import { retentionCutoff, runRetention } from './retention';

const DAY = 86_400_000;
const T0 = new Date('2026-01-10T12:00:00Z');

for (const target of testDatabases()) {
  describe(`retention [${target.name}]`, () => {
    let now = T0;
    let server: TestServer;
    let ada: TestSession;
    let oz: TestSession;
    const at = (days: number) => {
      now = new Date(T0.getTime() + days * DAY);
    };

    /** A conversation with a note, pushed at the current clock; closed when asked. */
    const conversation = async (who: TestSession, closed: boolean) => {
      const m = meta();
      const id = await conversationIdFor(m.key);
      const steps = [
        mutation(1, 'conversation.upsert', { meta: m }),
        mutation(2, 'note.add', { id: randomUUID(), conversationId: id, body: 'private' }),
        ...(closed
          ? [mutation(3, 'conversation.setStatus', { conversationId: id, status: 'closed' })]
          : []),
      ];
      const r = await client(server, who).post('/v1/push', {
        clientId: randomUUID(),
        mutations: steps,
      });
      expect(r.body.results.every((x: { status: string }) => x.status === 'ok')).toBe(true);
      return id;
    };
    const rowsOf = async (workspaceId: string, id: string) => {
      const db = server.database.db;
      const [c, n, e] = await Promise.all([
        db
          .select()
          .from(conversations)
          .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id))),
        db
          .select()
          .from(notes)
          .where(and(eq(notes.workspaceId, workspaceId), eq(notes.conversationId, id))),
        db
          .select()
          .from(events)
          .where(and(eq(events.workspaceId, workspaceId), eq(events.conversationId, id))),
      ]);
      return { conversations: c.length, notes: n.length, events: e.length };
    };
    const workspaceRow = async (id: string) =>
      (await server.database.db.select().from(workspaces).where(eq(workspaces.id, id)))[0]!;

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => now });
      ada = await server.signIn('ada@acme.test', 'admin');
      oz = await server.signIn('oz@other.test', 'admin', { workspace: 'Keeps everything' });
    });
    afterAll(() => server?.close());

    it('cuts off at the start of a UTC day, so the expired set changes once a day', () => {
      expect(retentionCutoff(new Date('2026-03-31T23:59:00Z'), 30).toISOString()).toBe(
        '2026-03-01T00:00:00.000Z',
      );
      expect(retentionCutoff(new Date('2026-03-31T00:00:01Z'), 30).toISOString()).toBe(
        '2026-03-01T00:00:00.000Z',
      );
    });

    it('deletes closed conversations idle past the period, with all about them, and resets older cursors', async () => {
      at(0);
      const admin = client(server, ada);
      expect((await admin.patch('/v1/workspace/settings', { retentionDays: 30 })).status).toBe(200);
      const expired = [await conversation(ada, true), await conversation(ada, true)];
      const open = await conversation(ada, false);
      const foreign = await conversation(oz, true);
      at(20);
      const recent = await conversation(ada, true);
      const { cursor: oldCursor } = (await admin.get('/v1/bootstrap')).body;

      at(31);
      // Through the scheduled sweep, two batches of one: the run is batched and complete.
      const swept = await runRetention(server.database, { now, batchSize: 1 });
      expect(swept).toEqual({ workspaces: 1, conversations: 2, events: expect.any(Number) });
      for (const id of expired)
        expect(await rowsOf(ada.workspace.id, id)).toEqual({
          conversations: 0,
          notes: 0,
          events: 0,
        });
      for (const id of [open, recent])
        expect((await rowsOf(ada.workspace.id, id)).conversations).toBe(1);
      // Retention is per workspace: one without a period keeps everything.
      expect(await rowsOf(oz.workspace.id, foreign)).toMatchObject({ conversations: 1, notes: 1 });
      // The settings change of day 0 is a workspace entry older than the period: gone too.
      const settingsEvents = await server.database.db
        .select()
        .from(events)
        .where(
          and(eq(events.workspaceId, ada.workspace.id), eq(events.type, 'workspace.settings')),
        );
      expect(settingsEvents).toEqual([]);

      const ws = await workspaceRow(ada.workspace.id);
      expect(ws.minCursor).toBe(ws.version);
      const fresh = client(server, await server.signIn('ada@acme.test'));
      const stale = await fresh.post('/v1/pull', { clientId: randomUUID(), cursor: oldCursor });
      expect(stale.body).toMatchObject({ reset: true, cursor: ws.version });
      const boot = await fresh.get('/v1/bootstrap');
      const ids = boot.body.changes.filter((c: { entity: string }) => c.entity === 'conversation');
      expect(ids.map((c: { id: string }) => c.id).sort()).toEqual([open, recent].sort());
      const current = await fresh.post('/v1/pull', {
        clientId: randomUUID(),
        cursor: boot.body.cursor,
      });
      expect(current.body.reset).toBe(false);
    });

    it('runs from the scheduled sweep and is idempotent: a second run finds nothing', async () => {
      at(32);
      const before = await workspaceRow(ada.workspace.id);
      await scheduledSweep(server.deps);
      expect(await runRetention(server.database, { now })).toEqual({
        workspaces: 0,
        conversations: 0,
        events: 0,
      });
      const after = await workspaceRow(ada.workspace.id);
      expect({ version: after.version, minCursor: after.minCursor }).toEqual({
        version: before.version,
        minCursor: before.minCursor,
      });
    });

    it('obeys a period switched off: nothing is deleted', async () => {
      at(33);
      const again = await server.signIn('ada@acme.test');
      const admin = client(server, again);
      const old = await conversation(again, true);
      expect((await admin.patch('/v1/workspace/settings', { retentionDays: null })).status).toBe(
        200,
      );
      at(400);
      expect((await runRetention(server.database, { now })).conversations).toBe(0);
      expect((await rowsOf(ada.workspace.id, old)).conversations).toBe(1);
    });
  });
}
