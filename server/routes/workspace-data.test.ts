import { randomUUID } from 'node:crypto';
import { count, eq, getTableName, is } from 'drizzle-orm';
import { type AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { WorkspaceExport } from '../../lib/schema';
import * as schema from '../db/schema';
import { WORKSPACE_TABLES } from '../domain/workspace-deletion';
import { exportJson } from '../domain/workspace-export';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { meta, mutation } from '../testing/fixtures';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

/** Every table of the schema with a workspace_id column (teams' members go with teams). */
const scoped = Object.values(schema).flatMap((v) =>
  is(v, PgTable) && 'workspaceId' in v ? [v as PgTable & { workspaceId: AnyPgColumn }] : [],
);

for (const target of testDatabases()) {
  describe(`workspace export and deletion [${target.name}]`, () => {
    let server: TestServer;
    let ada: TestSession;
    let ana: TestSession;
    let oz: TestSession;
    let conversationA: string;
    let conversationB: string;

    const seed = async (who: TestSession, secretNote: string) => {
      const m = meta();
      const id = await conversationIdFor(m.key);
      const r = await client(server, who).post('/v1/push', {
        clientId: randomUUID(),
        mutations: [
          mutation(1, 'conversation.upsert', { meta: m }),
          mutation(2, 'note.add', { id: randomUUID(), conversationId: id, body: secretNote }),
        ],
      });
      expect(r.status).toBe(200);
      const admin = client(server, who);
      expect((await admin.post('/v1/tags', { name: `t-${randomUUID().slice(0, 6)}` })).status).toBe(
        201,
      );
      expect(
        (await admin.post('/v1/teams', { name: 'Frontline', memberIds: [who.member.id] })).status,
      ).toBe(201);
      expect(
        (
          await admin.post('/v1/invites', {
            email: `new-${randomUUID().slice(0, 6)}@x.test`,
            role: 'agent',
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await admin.put('/v1/sla/webhook', {
            url: 'http://127.0.0.1:9/h',
            secret: 'w'.repeat(40),
          })
        ).status,
      ).toBe(200);
      return id;
    };
    const exportOf = async (who: TestSession) => {
      const res = await server.app.request('/v1/workspace/export', { headers: who.headers });
      return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
    };

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      ada = await server.signIn('ada@a.test', 'admin');
      ana = await server.signIn('ana@a.test', 'agent');
      oz = await server.signIn('oz@b.test', 'admin', { workspace: 'Workspace B' });
      conversationA = await seed(ada, 'note of A');
      conversationB = await seed(oz, 'note of B');
    });
    afterAll(() => server?.close());

    it('exports everything of the workspace as one document, without secrets or other workspaces', async () => {
      const res = await exportOf(ada);
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^application\/json/);
      const doc = WorkspaceExport.parse(JSON.parse(res.text));
      expect(doc.workspace).toMatchObject({
        id: ada.workspace.id,
        slaWebhookUrl: 'http://127.0.0.1:9/h',
      });
      expect(doc.members.map((m) => m.email).sort()).toEqual(['ada@a.test', 'ana@a.test']);
      expect(doc.conversations.map((c) => c.id)).toEqual([conversationA]);
      expect(doc.notes.map((n) => n.body)).toEqual(['note of A']);
      expect(doc.teams[0]).toMatchObject({ name: 'Frontline', memberIds: [ada.member.id] });
      expect(doc.invites).toHaveLength(1);
      expect(doc.events.length).toBeGreaterThan(0);
      // Nothing of B, and no secret: webhook secret, invite code hashes, tokens.
      for (const foreign of [oz.workspace.id, conversationB, 'note of B', oz.member.id])
        expect(res.text).not.toContain(foreign);
      for (const secret of ['w'.repeat(40), 'codeHash', 'code_hash', ada.token, '"secret":'])
        expect(res.text).not.toContain(secret);
      // The export itself is an audited action.
      const audit = await client(server, ada).get('/v1/audit');
      expect(audit.body.entries[0]).toMatchObject({
        action: 'workspace.export',
        actorId: ada.member.id,
      });
    });

    it('streams the big tables in pages that join into the same document', async () => {
      const pages = async (size: number) => {
        let text = '';
        for await (const piece of exportJson(
          server.database.db,
          ada.workspace.id,
          new Date(0),
          size,
        ))
          text += piece;
        return JSON.parse(text) as WorkspaceExport;
      };
      const [small, whole] = [await pages(1), await pages(10_000)];
      expect(small.events.length).toBeGreaterThan(1);
      expect(small).toEqual(whole);
    });

    it('is refused to agents (403) and to a wrong confirmation (400)', async () => {
      expect((await exportOf(ana)).status).toBe(403);
      const del = (who: TestSession, confirm: string) =>
        server.app.request('/v1/workspace', {
          method: 'DELETE',
          headers: who.headers,
          body: JSON.stringify({ confirm }),
        });
      expect((await del(ana, 'Test workspace')).status).toBe(403);
      const wrong = await del(ada, 'test workspace');
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toMatchObject({ error: { issues: [{ path: 'confirm' }] } });
    });

    it('deletes every row of the workspace, and its members tokens stop working at once', async () => {
      // Every table with a workspace_id is in the deletion's list.
      const deleted = WORKSPACE_TABLES.map((t) => getTableName(t));
      expect(scoped.map((t) => getTableName(t)).filter((n) => !deleted.includes(n))).toEqual([]);
      const res = await server.app.request('/v1/workspace', {
        method: 'DELETE',
        headers: ada.headers,
        body: JSON.stringify({ confirm: 'Test workspace' }),
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({
        workspaceId: ada.workspace.id,
        deleted: { conversations: 1, notes: 1, members: 2 },
      });

      const db = server.database.db;
      const left = async (ws: string) =>
        Object.fromEntries(
          await Promise.all(
            scoped.map(async (table) => {
              const [row] = await db
                .select({ n: count() })
                .from(table)
                .where(eq(table.workspaceId, ws));
              return [getTableName(table), row!.n] as const;
            }),
          ),
        );
      // One row remains: the audit entry of the deletion, with counts and no content.
      const a = await left(ada.workspace.id);
      expect(Object.entries(a).filter(([, n]) => n > 0)).toEqual([['audit_log', 1]]);
      const [entry] = await db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.workspaceId, ada.workspace.id));
      expect(entry).toMatchObject({ action: 'workspace.delete', actorId: ada.member.id });
      expect(JSON.stringify(entry!.summary)).not.toMatch(/note of A|ada@a\.test/);
      expect(
        await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, ada.workspace.id)),
      ).toEqual([]);
      // B is untouched.
      const b = await left(oz.workspace.id);
      expect(b).toMatchObject({ conversations: 1, notes: 1, members: 1 });
      expect((await client(server, oz).get('/v1/members')).status).toBe(200);

      for (const who of [ada, ana])
        expect((await client(server, who).get('/v1/me')).status).toBe(401);
    });
  });
}
