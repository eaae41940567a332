import { sql } from 'drizzle-orm';
import { conversationIdFor } from '../lib/conversation-id';
import type { TestDatabase } from '../server/testing/databases';
import { meta } from '../server/testing/fixtures';
import { startTestServer } from '../server/testing/test-server';
import { pull, pullCursor } from './push-pull';
import { percentile, time } from './stats';

const RUNS = 100;

/** Pull latency for a 10-change delta in a workspace of `size` stored conversations. */
async function pullWith(database: TestDatabase, size: number) {
  const server = await startTestServer({ database });
  try {
    const ana = await server.signIn('ana@acme.test', 'admin');
    const ws = ana.workspace.id;
    // Stored conversations are bulk-loaded below the current version, as a long-lived
    // workspace has them; only the 10 changes after the cursor are what a pull must find.
    await server.database.db.execute(sql`
      insert into conversations (workspace_id, id, key, host, refs, subject, participants,
        status, priority, tags, created_at, updated_at, version)
      select ${ws}, 'cbulk' || g, 'msgid:<bulk' || g || '@bench.test>', 'gmail', '[]'::jsonb,
        'Bulk ' || g, '[]'::jsonb, 'open', 'normal', '[]'::jsonb, now(), now(),
        (select version from workspaces where id = ${ws})
      from generate_series(1, ${size}) g`);
    await server.database.db.execute(sql`analyze conversations`);
    const clientId = crypto.randomUUID();
    let mutationId = 0;
    const push = (name: string, args: unknown) =>
      fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: ana.headers,
        body: JSON.stringify({
          clientId,
          mutations: [{ id: ++mutationId, name, args, ts: new Date().toISOString() }],
        }),
      });
    const m = meta();
    await push('conversation.upsert', { meta: m });
    const conversationId = await conversationIdFor(m.key);
    const cursor = await pullCursor(server.url, ana.headers, clientId);
    for (let i = 0; i < 10; i++) {
      await push('conversation.setPriority', { conversationId, priority: i % 2 ? 'high' : 'low' });
    }
    const ms = await time(RUNS, async () => {
      const page = await pull(server.url, ana.headers, clientId, cursor);
      if (page.changes.length === 0) throw new Error('the delta was not pulled');
    });
    return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
  } finally {
    await server.close();
  }
}

export async function benchPullScale(database: TestDatabase) {
  const small = await pullWith(database, 1_000);
  const large = await pullWith(database, 100_000);
  return { database: database.name, small, large, ratio: large.p50 / small.p50 };
}
