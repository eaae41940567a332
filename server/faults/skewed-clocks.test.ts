import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import { realTimers } from '../../lib/sync/timers';
import { eventually } from '../../lib/testing/sync-client';
import { meta } from '../testing/fixtures';
import { startTestServer } from '../testing/test-server';
import { counts, settled, stopAll, writers } from './note-writers';

const url = process.env.DATABASE_URL;
if (!url) console.info('Fault test skewed clocks skipped: DATABASE_URL is not set.');

const HOURS = 3 * 3600_000;

describe.skipIf(!url)('clients whose clocks are hours off', () => {
  it('the server orders and stamps by its own clock; only a reply "from the future" is refused', async () => {
    const server = await startTestServer({ database: 'postgres' });
    const sql = postgres(server.database.url!, { max: 1, onnotice: () => {} });
    const sessions = [
      await server.signIn('ada@acme.test', 'admin'),
      await server.signIn('ahead@acme.test', 'agent'),
      await server.signIn('behind@acme.test', 'agent'),
    ];
    const skews = [0, HOURS, -HOURS];
    const clients = await writers(
      server.url,
      sessions,
      skews.map((skew) => ({ ...realTimers, now: () => Date.now() + skew })),
    );
    const [exact, ahead, behind] = clients as [
      (typeof clients)[0],
      (typeof clients)[0],
      (typeof clients)[0],
    ];
    try {
      const started = new Date();
      const m = meta();
      const conversationId = await conversationIdFor(m.key);
      const mutate = async (
        w: typeof exact,
        name: Parameters<typeof w.engine.mutate>[0],
        args: unknown,
      ) => {
        const result = await w.engine.mutate(name, args);
        if (!result.ok || result.mutationId === null) throw new Error(`${name} refused locally`);
        w.sent.push(result.mutationId);
        await eventually(async () => (await w.db.outbox.count()) === 0);
      };
      await mutate(exact, 'conversation.upsert', { meta: m });
      for (const w of clients) {
        const id = randomUUID();
        await mutate(w, 'note.add', { id, conversationId, body: 'skewed' });
        w.noteIds.push(id);
      }
      // Pushed first by the clock that runs ahead, then by the one behind: arrival decides.
      await mutate(ahead, 'conversation.setPriority', { conversationId, priority: 'urgent' });
      await mutate(behind, 'conversation.setPriority', { conversationId, priority: 'low' });
      // A reply's time is the agent's (when the mail went out): the server takes it unless it
      // is more than 5 minutes in the server's future (lib/mutations/apply.ts).
      const aheadReplyAt = new Date(Date.now() + HOURS).toISOString();
      const behindReplyAt = new Date(Date.now() - HOURS).toISOString();
      await mutate(ahead, 'conversation.reply', { conversationId, at: aheadReplyAt });
      await mutate(behind, 'conversation.reply', { conversationId, at: behindReplyAt });
      await settled(clients);
      const finished = new Date();

      const c = await counts(sql, clients);
      const refused = clients.flatMap((w) =>
        w.network.acknowledged.filter((r) => r.status !== 'ok'),
      );
      console.info(
        `skewed clocks (±3 h): sent ${c.sent}, acknowledged ${c.acknowledged} ok + ${refused.length} refused, stored ${c.storedNotes} notes / ${c.noteEvents} note events / ${c.results} results (${c.okResults} ok)`,
      );
      expect(refused).toEqual([expect.objectContaining({ status: 'invalid' })]);
      expect(c.acknowledged + refused.length).toBe(c.sent);
      expect(c).toMatchObject({ results: c.sent, okResults: c.sent - 1 });
      expect(c).toMatchObject({ storedNotes: 3, noteEvents: 3, mostEventsPerNote: 1 });

      const within = (at: Date) =>
        at.getTime() >= started.getTime() - 1000 && at.getTime() <= finished.getTime() + 1000;
      const [row] =
        await sql`select priority, updated_at from conversations where id = ${conversationId}`;
      expect(row?.priority).toBe('low');
      expect(within(new Date(row?.updated_at))).toBe(true);
      const notes =
        await sql`select created_at from notes where conversation_id = ${conversationId}`;
      expect(notes.map((n) => within(new Date(n.created_at)))).toEqual([true, true, true]);
      const events = await sql`
        select type, at, after from events where conversation_id = ${conversationId} order by version`;
      expect(events.every((e) => within(new Date(e.at)))).toBe(true);
      expect(
        events.filter((e) => e.type === 'conversation.replied').map((e) => e.after.at),
      ).toEqual([behindReplyAt]);
      // Every cache ends where the server is.
      for (const w of clients)
        await eventually(
          async () => (await w.db.conversations.get(conversationId))?.priority === 'low',
        );
    } finally {
      stopAll(clients);
      await sql.end();
      await server.close();
    }
  }, 60_000);
});
