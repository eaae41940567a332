import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../lib/schema';
import { automationJobs, conversations } from '../db/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * Arrivals through real HTTP pushes, each firing "conversation created → route to the
 * team": on Postgres every push and every automation job runs on its own pooled connection.
 */
for (const target of testDatabases()) {
  describe(`routing under parallel pushes [${target.name}]`, () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
    });
    afterAll(() => server?.close());

    /** A workspace with a round-robin team of five (capacity 30 each) and the routing rule. */
    const workspace = async () => {
      const name = `W ${randomUUID()}`;
      const adminSession = await server.signIn(`ada-${randomUUID()}@acme.test`, 'admin', {
        workspace: name,
      });
      const admin = client(server, adminSession);
      const agents: string[] = [];
      for (let i = 0; i < 5; i++) {
        const s = await server.signIn(`agent${i}-${randomUUID()}@acme.test`, 'agent', {
          workspace: name,
        });
        expect((await admin.patch(`/v1/members/${s.member.id}`, { capacity: 30 })).status).toBe(
          200,
        );
        agents.push(s.member.id);
      }
      const team = (await admin.post('/v1/teams', { name: 'Support', memberIds: agents })).body;
      await admin.patch(`/v1/teams/${team.id}/routing`, { mode: 'round_robin' });
      const rule = await admin.post('/v1/rules', {
        name: 'Route new work',
        trigger: { type: 'conversation.created' },
        actions: [{ type: 'route', teamId: team.id }],
      });
      expect(rule.status, JSON.stringify(rule.body)).toBe(201);
      const arrive = async () => {
        const res = await fetch(`${server.url}/v1/push`, {
          method: 'POST',
          headers: adminSession.headers,
          body: JSON.stringify({
            clientId: randomUUID(),
            mutations: [mutation(1, 'conversation.upsert', { meta: meta() })],
          }),
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as PushResponse;
        expect(body.results[0]!.status).toBe('ok');
      };
      const perMember = async () => {
        const rows = await server.database.db
          .select({ assigneeId: conversations.assigneeId })
          .from(conversations)
          .where(
            and(
              eq(conversations.workspaceId, adminSession.workspace.id),
              isNotNull(conversations.assigneeId),
            ),
          );
        return agents.map((id) => rows.filter((r) => r.assigneeId === id).length);
      };
      const pendingJobs = () =>
        server.database.db
          .select()
          .from(automationJobs)
          .where(eq(automationJobs.workspaceId, adminSession.workspace.id));
      return { arrive, perMember, pendingJobs };
    };

    // PGlite runs one statement at a time: 100 arrivals prove it there; 200 is for Postgres.
    it.runIf(target.name === 'postgres')(
      '200 parallel pushes: nobody over capacity, round-robin even within one',
      async () => {
        const w = await workspace();
        await Promise.all(Array.from({ length: 200 }, () => w.arrive()));
        expect(await w.pendingJobs()).toEqual([]);
        const loads = await w.perMember();
        expect(loads).toEqual([30, 30, 30, 30, 30]);
      },
      180_000,
    );

    it('100 parallel pushes on five members: exactly 20 each', async () => {
      const w = await workspace();
      await Promise.all(Array.from({ length: 100 }, () => w.arrive()));
      expect(await w.pendingJobs()).toEqual([]);
      expect(await w.perMember()).toEqual([20, 20, 20, 20, 20]);
    }, 120_000);
  });
}
