import { beforeEach, describe, expect, it } from 'vitest';
import { type SidedeskDb, toConversationRow } from '../db';
import { getMeta, setMeta } from '../meta';
import type { PushRequest } from '../schema';
import { memoryDb } from '../testing/memory-db';
import { conversation, member, session } from '../testing/records';
import { eventually } from '../testing/sync-client';
import { SyncEngine } from './engine';
import type { WebSocketFactory } from './live';
import type { Timers } from './timers';

const me = member('00000000-0000-4000-8000-000000000001', 'Ana', 'agent');

/** Timers that fire only when the test says so. */
function manualTimers() {
  const due: { fn: () => void; ms: number }[] = [];
  const timers: Timers = {
    now: () => Date.parse('2026-01-05T10:00:00.000Z'),
    random: () => 1,
    setTimeout: (fn, ms) => {
      const timer = { fn, ms };
      due.push(timer);
      return timer;
    },
    clearTimeout: (timer) => {
      const i = due.indexOf(timer as (typeof due)[number]);
      if (i >= 0) due.splice(i, 1);
    },
    setInterval: () => 0,
    clearInterval: () => {},
  };
  return { timers, due };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

class NoSocket {
  readyState = 3;
  onopen = null;
  onmessage = null;
  onclose = null;
  onerror = null;
  send() {}
  close() {}
}

let db: SidedeskDb;
beforeEach(async () => {
  db = memoryDb().db;
  await db.members.put(me);
  await db.conversations.put(toConversationRow(conversation('c1')));
  await setMeta(db, 'serverUrl', 'http://api.test');
  await setMeta(db, 'session', session(me));
  await setMeta(db, 'cursor', 1);
});

describe('flush', () => {
  it('keeps the outbox through network failures and retries with backoff', async () => {
    let up = false;
    const pushed: PushRequest[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!up) throw new TypeError('fetch failed');
      const url = new URL(String(input));
      if (url.pathname === '/v1/push') {
        const body = JSON.parse(String(init?.body)) as PushRequest;
        pushed.push(body);
        return json(200, {
          results: body.mutations.map((m) => ({ id: m.id, status: 'ok' })),
          version: 2,
        });
      }
      return json(503, { error: { code: 'internal', message: 'down' } });
    };
    const { timers, due } = manualTimers();
    const engine = new SyncEngine({
      db,
      fetch,
      timers,
      WebSocket: NoSocket as unknown as WebSocketFactory,
    });

    await engine.mutate('conversation.setPriority', { conversationId: 'c1', priority: 'high' });
    await engine.mutate('conversation.setStatus', { conversationId: 'c1', status: 'pending' });
    await engine.idle();
    expect(await db.outbox.count()).toBe(2);
    expect(await getMeta(db, 'lastError')).toMatch(/cannot reach/);
    expect(due.map((d) => d.ms)).toEqual([2000]);

    up = true;
    due.shift()?.fn();
    await engine.idle();
    expect(await db.outbox.count()).toBe(0);
    expect(pushed.flatMap((p) => p.mutations.map((m) => m.id))).toEqual([1, 2]);
    expect(new Set(pushed.map((p) => p.clientId)).size).toBe(1);
    expect((await db.conversations.get('c1'))?.status).toBe('pending');
  });

  it('pushes at most 100 mutations per request, in id order', async () => {
    const sizes: number[] = [];
    const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as PushRequest;
      sizes.push(body.mutations.length);
      return json(200, {
        results: body.mutations.map((m) => ({ id: m.id, status: 'ok' })),
        version: 2,
      });
    };
    const engine = new SyncEngine({ db, fetch, timers: manualTimers().timers });
    const priorities = ['low', 'normal', 'high', 'urgent'] as const;
    await db.transaction('rw', db.outbox, async () => {
      for (let id = 1; id <= 230; id++) {
        await db.outbox.add({
          id,
          name: 'conversation.setPriority',
          args: { conversationId: 'c1', priority: priorities[id % 4] },
          ts: '2026-01-05T10:00:00.000Z',
          attempts: 0,
          conversationId: 'c1',
        });
      }
    });
    await engine.flush();
    expect(sizes).toEqual([100, 100, 30]);
    expect(await db.outbox.count()).toBe(0);
  });
});

/** A socket the test opens and speaks through. */
class ScriptedSocket {
  static last: ScriptedSocket | null = null;
  readyState = 1;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor() {
    ScriptedSocket.last = this;
  }
  send() {}
  close() {}
  poke(version: number, changes?: unknown[]) {
    this.onmessage?.({ data: JSON.stringify({ type: 'poke', version, changes }) });
  }
}

describe('pokes', () => {
  it('never applies changes buffered before a disconnect to the session after it', async () => {
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input)).pathname;
      if (path === '/v1/live/ticket')
        return json(200, { ticket: 't', expiresAt: '2026-01-05T10:01:00.000Z' });
      const { cursor } = JSON.parse(String(init?.body)) as { cursor: number };
      return json(200, { changes: [], cursor, hasMore: false, lastMutationId: 0, reset: false });
    };
    const engine = new SyncEngine({
      db,
      fetch,
      timers: manualTimers().timers,
      WebSocket: ScriptedSocket as unknown as WebSocketFactory,
    });
    const openSocket = async () => {
      ScriptedSocket.last = null;
      engine.connect();
      await eventually(async () => ScriptedSocket.last);
      ScriptedSocket.last!.onopen?.({});
      await engine.idle();
      return ScriptedSocket.last!;
    };

    // Version 3 arrives while the cache is at 1: it waits for version 2.
    const urgent = { ...conversation('c1', { priority: 'urgent' }), version: 3 };
    (await openSocket()).poke(3, [
      { entity: 'conversation', id: 'c1', version: 3, record: urgent },
    ]);
    await engine.idle();
    expect((await db.conversations.get('c1'))?.priority).toBe('normal');

    // Signed out and into another workspace, whose cache happens to stand at 2.
    engine.disconnect();
    await setMeta(db, 'cursor', 2);
    (await openSocket()).poke(2);
    await engine.idle();
    expect((await db.conversations.get('c1'))?.priority).toBe('normal');
    expect(await getMeta(db, 'cursor')).toBe(2);
    engine.stop();
  });
});
