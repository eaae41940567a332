import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentMonitors, incidents } from '../db/schema';
import { lockWorkspace } from '../domain/write';
import { type ConversationFields, insertConversation } from '../testing/automation';
import { testDatabases } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/test-server';
import { matchIncident } from './incidents';

const NOW = new Date('2026-11-30T10:00:00Z');
const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000);

for (const target of testDatabases()) {
  describe(`incident matching [${target.name}]`, () => {
    let server: TestServer;
    let db: TestServer['database']['db'];

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      db = server.database.db;
    });
    afterAll(() => server?.close());

    /** A workspace of its own with a "Login failures" monitor (threshold 3 in 60 min). */
    const setup = async (monitor: Partial<typeof incidentMonitors.$inferInsert> = {}) => {
      const admin = await server.signIn(`admin-${randomUUID()}@acme.test`, 'admin', {
        workspace: `W ${randomUUID()}`,
      });
      const ws = admin.workspace.id;
      const monitorId = randomUUID();
      await db.insert(incidentMonitors).values({
        id: monitorId,
        workspaceId: ws,
        name: 'Login failures',
        enabled: true,
        tags: ['Login-Failure'],
        keywords: ['login failure'],
        threshold: 3,
        windowMinutes: 60,
        ...monitor,
      });
      /** One conversation arriving: written and matched in one locked transaction. */
      const arrive = (fields: ConversationFields = {}, lock = true) =>
        db.transaction(async (tx) => {
          if (lock) await lockWorkspace(tx, ws);
          const c = await insertConversation(tx, ws, { createdAt: NOW, ...fields });
          const matches = await matchIncident(tx, ws, c, NOW);
          return { id: c.id, matches };
        });
      const openIncidents = () =>
        db
          .select()
          .from(incidents)
          .where(and(eq(incidents.monitorId, monitorId), isNull(incidents.resolvedAt)));
      return { ws, monitorId, arrive, openIncidents };
    };
    const failing = { subject: 'Login failure again' };

    it('matches nothing when no monitor names the conversation', async () => {
      const s = await setup();
      expect((await s.arrive({ subject: 'Invoice', tags: ['billing'] })).matches).toEqual([]);
    });

    it('reports a match under the threshold without an incident', async () => {
      const s = await setup();
      const { matches } = await s.arrive(failing);
      expect(matches).toEqual([
        {
          monitor: expect.objectContaining({ id: s.monitorId, name: 'Login failures' }),
          incident: null,
          opened: false,
        },
      ]);
    });

    it('opens an incident at the threshold within the window, then adds later arrivals once', async () => {
      const teamId = randomUUID();
      const s = await setup({ teamId });
      const first = await s.arrive({ ...failing, createdAt: minutesAgo(50) });
      const second = await s.arrive({ ...failing, createdAt: minutesAgo(5) });
      const third = await s.arrive(failing);
      expect(third.matches).toEqual([
        {
          monitor: expect.objectContaining({ id: s.monitorId }),
          incident: expect.objectContaining({
            monitorId: s.monitorId,
            name: 'Login failures',
            openedAt: NOW.toISOString(),
            resolvedAt: null,
            conversationIds: [first.id, second.id, third.id],
            teamId,
          }),
          opened: true,
        },
      ]);
      const fourth = await s.arrive({ tags: ['login-failure'] });
      expect(fourth.matches[0]).toMatchObject({
        opened: false,
        incident: { conversationIds: [first.id, second.id, third.id, fourth.id] },
      });
      const again = await db.transaction((tx) =>
        matchIncident(tx, s.ws, { id: fourth.id, tags: [], subject: 'login failure' }, NOW),
      );
      expect(again[0]!.incident!.conversationIds).toHaveLength(4);
      expect(await s.openIncidents()).toHaveLength(1);
    });

    it('does not count matches older than the window', async () => {
      const s = await setup();
      await s.arrive({ ...failing, createdAt: minutesAgo(61) });
      await s.arrive({ ...failing, createdAt: minutesAgo(90) });
      await s.arrive({ ...failing, createdAt: minutesAgo(30) });
      const { matches } = await s.arrive(failing);
      expect(matches[0]!.incident).toBeNull();
      expect(await s.openIncidents()).toHaveLength(0);
    });

    it('matches by tag without case, or by a keyword anywhere in the subject', async () => {
      const s = await setup();
      const byTag = await s.arrive({ subject: 'Help', tags: ['LOGIN-FAILURE'] });
      const byKeyword = await s.arrive({ subject: 'Re: LOGIN FAILURE on SSO' });
      await s.arrive({ subject: 'Login works', tags: ['login'] });
      const third = await s.arrive({ subject: 'Cannot sign in: login failure' });
      expect([...third.matches[0]!.incident!.conversationIds].sort()).toEqual(
        [byTag.id, byKeyword.id, third.id].sort(),
      );
    });

    it('ignores disabled and deleted monitors', async () => {
      const off = await setup({ enabled: false, threshold: 2 });
      expect((await off.arrive(failing)).matches).toEqual([]);
      const gone = await setup({ deletedAt: NOW, threshold: 2 });
      expect((await gone.arrive(failing)).matches).toEqual([]);
    });

    it('opens a new incident after the last one was resolved', async () => {
      const s = await setup({ threshold: 2 });
      await s.arrive(failing);
      const opened = (await s.arrive(failing)).matches[0]!.incident!;
      await db.update(incidents).set({ resolvedAt: NOW }).where(eq(incidents.id, opened.id));
      const next = await s.arrive(failing);
      expect(next.matches[0]).toMatchObject({ opened: true });
      expect(next.matches[0]!.incident!.id).not.toBe(opened.id);
      expect(next.matches[0]!.incident!.conversationIds).toHaveLength(3);
    });

    for (const lock of [true, false]) {
      it(`two parallel arrivals at the threshold open one incident (${lock ? 'with' : 'without'} the workspace lock)`, async () => {
        const s = await setup({ threshold: 2 });
        const earlier = await s.arrive(failing);
        const both = await Promise.all([s.arrive(failing, lock), s.arrive(failing, lock)]);
        const open = await s.openIncidents();
        expect(open).toHaveLength(1);
        expect([...open[0]!.conversationIds].sort()).toEqual(
          [earlier.id, ...both.map((b) => b.id)].sort(),
        );
        expect(both.flatMap((b) => b.matches.filter((m) => m.opened))).toHaveLength(1);
      });
    }
  });
}
