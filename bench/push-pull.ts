import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { conversationIdFor } from '../lib/conversation-id';
import type { TestDatabase } from '../server/testing/databases';
import { meta } from '../server/testing/fixtures';
import { startTestServer } from '../server/testing/test-server';
import { printTable, type Row, row, time } from './stats';

const RUNS = 300;

/** A Hono app that does nothing: the cost of HTTP on loopback, which every route pays. */
async function bareRoute() {
  const app = new Hono().post('/bare', (c) => c.json({ ok: true }));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/bare`, close: () => server.close() };
}

/** Push latency and throughput, pull latency: each beside a bare route and a bare insert. */
export async function benchPushPull(database: TestDatabase): Promise<Row[]> {
  const server = await startTestServer({ database });
  const bare = await bareRoute();
  try {
    const ana = await server.signIn('ana@acme.test', 'admin');
    const clientId = crypto.randomUUID();
    let mutationId = 0;
    const push = async (name: string, args: unknown) => {
      const res = await fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: ana.headers,
        body: JSON.stringify({
          clientId,
          mutations: [{ id: ++mutationId, name, args, ts: new Date().toISOString() }],
        }),
      });
      const body = (await res.json()) as { results: { status: string }[] };
      if (body.results[0]?.status !== 'ok') throw new Error(`push failed: ${JSON.stringify(body)}`);
    };
    const m = meta();
    await push('conversation.upsert', { meta: m });
    const conversationId = await conversationIdFor(m.key);
    const statuses = ['pending', 'open'] as const;

    const { db } = server.database;
    await db.execute(sql`create table bench_scratch (id serial primary key, v text not null)`);

    const bareMs = await time(RUNS, async () => {
      await (await fetch(bare.url, { method: 'POST', body: '{}' })).json();
    });
    const insertMs = await time(RUNS, async (i) => {
      await db.execute(sql`insert into bench_scratch (v) values (${String(i)})`);
    });
    const pushMs = await time(RUNS, (i) =>
      push('conversation.setStatus', { conversationId, status: statuses[i % 2] }),
    );
    const cursorBeforeDelta = await pullCursor(server.url, ana.headers, clientId);
    for (let i = 0; i < 10; i++) {
      await push('conversation.setPriority', { conversationId, priority: i % 2 ? 'high' : 'low' });
    }
    const pullMs = await time(RUNS, async () => {
      await pull(server.url, ana.headers, clientId, cursorBeforeDelta);
    });
    const seconds = pushMs.reduce((a, b) => a + b, 0) / 1000;
    console.log(
      `[${database.name}] sequential push throughput: ${(RUNS / seconds).toFixed(0)} mutations/s`,
    );
    return [
      row(`${database.name} push (1 mutation)`, pushMs, 'bare route', bareMs),
      row(`${database.name} push (1 mutation)`, pushMs, 'bare insert', insertMs),
      row(`${database.name} pull (10-change delta)`, pullMs, 'bare route', bareMs),
      row(`${database.name} bare insert`, insertMs, 'bare route', bareMs),
    ];
  } finally {
    bare.close();
    await server.close();
  }
}

export async function pull(url: string, headers: HeadersInit, clientId: string, cursor: number) {
  const res = await fetch(`${url}/v1/pull`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ clientId, cursor, limit: 500 }),
  });
  if (!res.ok) throw new Error(`pull failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { changes: unknown[]; cursor: number; hasMore: boolean };
}

/** The cursor a client that has pulled everything would hold now. */
export async function pullCursor(url: string, headers: HeadersInit, clientId: string) {
  let cursor = 0;
  for (;;) {
    const page = await pull(url, headers, clientId, cursor);
    cursor = page.cursor;
    if (!page.hasMore) return cursor;
  }
}

export function printPushPull(rows: Row[]) {
  printTable('Push and pull over HTTP on loopback (sequential, one client)', rows);
}
