import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../server/testing/databases';
import { meta } from '../../server/testing/fixtures';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import { conversationIdFor } from '../conversation-id';
import { getMeta, setMeta } from '../meta';
import { SyncEngine } from '../sync/engine';
import { memoryDb } from '../testing/memory-db';
import { eventually, syncClient } from '../testing/sync-client';
import { MentionNotifier } from './mention-notifier';
import type { BrowserNotification } from './show';

for (const target of testDatabases()) {
  describe(`mention notifications through the real API [${target.name}]`, () => {
    let server: TestServer;
    const stoppable: SyncEngine[] = [];

    beforeAll(async () => {
      server = await startTestServer({ database: target });
    });
    afterEach(async () => {
      const engines = stoppable.splice(0);
      for (const engine of engines) engine.stop();
      // A request already sent is answered before the server closes.
      await Promise.all(engines.map((engine) => engine.idle()));
    });
    afterAll(async () => {
      await server?.close();
    });

    /** A signed-in client whose engine is stopped again: it only makes changes. */
    async function teammate(who: Awaited<ReturnType<TestServer['signIn']>>) {
      const c = await syncClient(server.url, who);
      stoppable.push(c.engine);
      return c;
    }

    /** A signed-in worker whose engine tells its mention notifier of new notes. */
    async function worker(who: Awaited<ReturnType<TestServer['signIn']>>) {
      const signedIn = await syncClient(server.url, who);
      signedIn.engine.stop();
      const { db } = memoryDb(signedIn.factory);
      const shown: BrowserNotification[] = [];
      const offered: string[] = [];
      const mentions = new MentionNotifier({
        db,
        now: Date.now,
        show: async (notes) => {
          shown.push(...notes);
        },
      });
      const engine = new SyncEngine({
        db,
        onNewNotes: (notes) => {
          offered.push(...notes.map((n) => n.id));
          void mentions.arrived(notes);
        },
      });
      stoppable.push(engine);
      await engine.start();
      await engine.idle();
      await eventually(async () => await getMeta(db, 'online'));
      // A batch of no notes runs after every batch before it: then they are all told.
      const told = () => mentions.arrived([]);
      return { db, engine, shown, offered, told };
    }

    it('tell the mentioned member once, live, and not again when their cache reloads', async () => {
      const ws = { workspace: 'Mentions' };
      const ben = await server.signIn('ben@acme.test', 'lead', { ...ws, name: 'Ben' });
      const ana = await server.signIn('ana@acme.test', 'agent', { ...ws, name: 'Ana' });
      const b = await teammate(ben);
      const m = { ...meta(), subject: 'Refund for order #1042' };
      await b.engine.mutate('conversation.upsert', { meta: m });
      const conversationId = await conversationIdFor(m.key);
      const a = await worker(ana);

      const noteId = crypto.randomUUID();
      await b.engine.mutate('note.add', {
        id: noteId,
        conversationId,
        body: '@Ana can you take this one?',
        mentions: [ana.member.id],
      });
      await b.engine.mutate('note.add', {
        id: crypto.randomUUID(),
        conversationId,
        body: 'Nobody mentioned here',
        mentions: [],
      });
      await eventually(async () => (await a.db.notes.count()) === 2);
      await a.told();
      expect(a.shown).toEqual([
        {
          id: `sidedesk-mention:${noteId}:${conversationId}`,
          title: 'Ben mentioned you',
          message: 'Refund for order #1042 — @Ana can you take this one?',
          contextMessage: 'Internal note',
        },
      ]);

      // Her own note, mentioning herself, tells her nothing.
      await a.engine.mutate('note.add', {
        id: crypto.randomUUID(),
        conversationId,
        body: 'Note to self @Ana',
        mentions: [ana.member.id],
      });
      await eventually(async () => (await a.db.notes.count()) === 3);
      await a.told();
      expect(a.shown).toHaveLength(1);

      // A cursor the server does not know: the cache is bootstrapped again, every note new to it.
      await setMeta(a.db, 'cursor', 1_000_000);
      await a.engine.pull();
      await a.told();
      expect(a.offered.filter((id) => id === noteId)).toHaveLength(2);
      expect(a.shown).toHaveLength(1);
    });

    it('tell the members a rule notifies, from Sidedesk automation', async () => {
      const ws = { workspace: 'Rules' };
      const ben = await server.signIn('ben@acme.test', 'lead', { ...ws, name: 'Ben' });
      const ana = await server.signIn('ana@acme.test', 'agent', { ...ws, name: 'Ana' });
      const rule = await fetch(`${server.url}/v1/rules`, {
        method: 'POST',
        headers: ben.headers,
        body: JSON.stringify({
          name: 'VIP',
          trigger: { type: 'conversation.created' },
          actions: [
            { type: 'notify', memberIds: [ana.member.id], roles: [], message: 'a VIP wrote' },
          ],
        }),
      });
      expect(rule.status).toBe(201);
      const a = await worker(ana);
      const b = await teammate(ben);

      await b.engine.mutate('conversation.upsert', { meta: { ...meta(), subject: 'Broken lamp' } });
      await eventually(async () => (await a.db.notes.count()) === 1);
      await a.told();
      expect(a.shown).toMatchObject([
        { title: 'Sidedesk automation mentioned you', message: 'Broken lamp — VIP: a VIP wrote' },
      ]);
    });
  });
}
