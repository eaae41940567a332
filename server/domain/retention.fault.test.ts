import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { getMeta } from '../../lib/meta';
import { syncClient } from '../../lib/testing/sync-client';
import { conversations, workspaces } from '../db/schema';
import { testDatabases } from '../testing/databases';
import { meta } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';
import { runRetention } from './retention';

const DAY = 86_400_000;

for (const target of testDatabases()) {
  describe(`fault: a pull cursor from before a retention purge [${target.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ database: target });
    });
    afterAll(() => server?.close());

    it('gets reset, re-bootstraps and ends with exactly the server records', async () => {
      const ada = await server.signIn('ada@acme.test', 'admin', { name: 'Ada' });
      const res = await server.app.request('/v1/workspace/settings', {
        method: 'PATCH',
        headers: ada.headers,
        body: JSON.stringify({ retentionDays: 30 }),
      });
      expect(res.status).toBe(200);
      const a = await syncClient(server.url, ada);
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const m = meta();
        expect((await a.engine.mutate('conversation.upsert', { meta: m })).ok).toBe(true);
        const id = await conversationIdFor(m.key);
        ids.push(id);
        // Four of the six are closed: those are the ones the purge may take.
        if (i < 4)
          await a.engine.mutate('conversation.setStatus', { conversationId: id, status: 'closed' });
      }
      await a.engine.sync();
      const sent = a.network.pushedIds.length;
      const acknowledged = a.network.acknowledged.filter((r) => r.status === 'ok').length;
      const stored = async () =>
        (
          await server.database.db
            .select({ id: conversations.id, version: conversations.version })
            .from(conversations)
            .where(eq(conversations.workspaceId, ada.workspace.id))
        ).sort((x, y) => x.id.localeCompare(y.id));
      const storedBefore = (await stored()).length;
      const cursorBefore = (await getMeta(a.db, 'cursor'))!;

      // The client goes quiet; forty days on, the purge runs.
      a.network.offline = true;
      const purged = await runRetention(server.database, {
        now: new Date(Date.now() + 40 * DAY),
        workspaceId: ada.workspace.id,
      });
      const [ws] = await server.database.db
        .select({ minCursor: workspaces.minCursor })
        .from(workspaces)
        .where(eq(workspaces.id, ada.workspace.id));
      expect(cursorBefore).toBeLessThan(ws!.minCursor);

      a.network.offline = false;
      const pullsBefore = a.network.pulls;
      await a.engine.sync();
      const after = await stored();
      const cached = (await a.db.conversations.toArray())
        .map((c) => ({ id: c.id, version: c.version }))
        .sort((x, y) => x.id.localeCompare(y.id));
      console.info(
        `retention fault: conversations created ${ids.length}, mutations sent ${sent}, acknowledged ${acknowledged}, ` +
          `conversations stored ${storedBefore}, purged ${purged.conversations}, left ${after.length}, cached after re-bootstrap ${cached.length}`,
      );
      expect(acknowledged).toBe(sent);
      expect(sent).toBe(ids.length + 4);
      expect(storedBefore).toBe(ids.length);
      expect(purged.conversations).toBe(4);
      expect(a.network.pulls).toBeGreaterThan(pullsBefore);
      expect(cached).toEqual(after);
      expect(after.map((c) => c.id).sort()).toEqual(ids.slice(4).sort());
      expect(await getMeta(a.db, 'cursor')).toBeGreaterThanOrEqual(ws!.minCursor);
      expect(await a.db.outbox.count()).toBe(0);
      a.engine.stop();
    });
  });
}
