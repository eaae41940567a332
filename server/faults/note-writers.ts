import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { expect } from 'vitest';
import type { Agent } from '../../bench/load-setup';
import type { Timers } from '../../lib/sync/timers';
import { eventually, syncClient } from '../../lib/testing/sync-client';

export type Writer = Awaited<ReturnType<typeof syncClient>> & {
  /** Mutation ids the engine queued. */
  sent: number[];
  noteIds: string[];
  /** Ids that left the outbox: answered by a push, or covered by a pull's `lastMutationId`. */
  settled: Set<number>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One real sync client per agent, each caught up with the server. */
export async function writers(url: string, agents: Agent[], timers?: Timers[]) {
  return Promise.all(
    agents.map(async (agent, i): Promise<Writer> => {
      const client = await syncClient(url, agent, undefined, timers?.[i]);
      const settled = new Set<number>();
      client.db.outbox.hook('deleting', (id) => void settled.add(Number(id)));
      return { ...client, sent: [], noteIds: [], settled };
    }),
  );
}

/** Each writer adds a note every 100–200 ms until `stop()` says so. */
export async function addNotes(writers: Writer[], conversationIds: string[], stop: () => boolean) {
  await Promise.all(
    writers.map(async (w, i) => {
      for (let n = 0; !stop(); n++) {
        const id = randomUUID();
        const conversationId = conversationIds[(i + n) % conversationIds.length]!;
        const result = await w.engine.mutate('note.add', { id, conversationId, body: `n${n}` });
        if (!result.ok || result.mutationId === null)
          throw new Error(`note.add refused locally: ${result.ok ? 'no id' : result.message}`);
        w.sent.push(result.mutationId);
        w.noteIds.push(id);
        await sleep(100 + Math.random() * 100);
      }
    }),
  );
}

/** Until every outbox is empty and every cache holds every note (the engines recover alone). */
export async function settled(writers: Writer[], ms = 15_000) {
  const all = writers.flatMap((w) => w.noteIds);
  const state = () =>
    Promise.all(
      writers.map(async (w) => ({
        outbox: await w.db.outbox.count(),
        cached: (await w.db.notes.bulkGet(all)).filter(Boolean).length,
        cursor: (await w.db.meta.get('cursor'))?.value,
        lastError: (await w.db.meta.get('lastError'))?.value,
      })),
    );
  await eventually(
    async () => (await state()).every((w) => w.outbox === 0 && w.cached === all.length),
    ms,
  ).catch(async () => {
    throw new Error(
      `clients did not settle in ${ms} ms (${all.length} notes sent): ${JSON.stringify(await state())}`,
    );
  });
}

/**
 * Sent (ids queued), acknowledged (ok, by a push's answer or a pull), and stored: notes, note
 * events, and kept mutation results of these clients, plus the most events any note got.
 */
export async function counts(sql: postgres.Sql, writers: Writer[]) {
  const noteIds = writers.flatMap((w) => w.noteIds);
  const clientIds = await Promise.all(
    writers.map(async (w) => String((await w.db.meta.get('clientId'))?.value)),
  );
  // A push whose answer was lost is confirmed by its replay's answer or by a pull.
  const answered = writers.map((w) => new Map(w.network.acknowledged.map((r) => [r.id, r.status])));
  const ok = (w: Writer, i: number) =>
    w.sent.filter(
      (id) => answered[i]!.get(id) === 'ok' || (!answered[i]!.has(id) && w.settled.has(id)),
    );
  const acknowledged = writers.reduce((sum, w, i) => sum + ok(w, i).length, 0);
  const acknowledgedByPull = writers.reduce(
    (sum, w, i) => sum + ok(w, i).filter((id) => !answered[i]!.has(id)).length,
    0,
  );
  const [notes] =
    await sql`select count(*)::int as n from notes where id = any(${noteIds}::uuid[])`;
  const events = await sql`
    select after->>'noteId' as id, count(*)::int as n from events
    where type = 'note.added' and after->>'noteId' = any(${noteIds}) group by 1`;
  const [results] = await sql`
    select count(*)::int as n, count(*) filter (where result->>'status' = 'ok')::int as ok
    from mutation_results where client_id = any(${clientIds}::uuid[])`;
  return {
    sent: writers.reduce((sum, w) => sum + w.sent.length, 0),
    /** Ids pushed more than once (their first answer never came). */
    resent: writers.reduce(
      (sum, w) => sum + w.network.pushedIds.length - new Set(w.network.pushedIds).size,
      0,
    ),
    acknowledged,
    acknowledgedByPull,
    storedNotes: Number(notes?.n),
    noteEvents: events.reduce((sum, e) => sum + Number(e.n), 0),
    mostEventsPerNote: Math.max(0, ...events.map((e) => Number(e.n))),
    results: Number(results?.n),
    okResults: Number(results?.ok),
  };
}

export function stopAll(writers: Writer[]) {
  for (const w of writers) w.engine.stop();
}

const total = (writers: Writer[]) => writers.reduce((sum, w) => sum + w.sent.length, 0);

/**
 * The shape of a fault test: the writers add notes until each has two acknowledged, the
 * fault happens, they keep writing until 20 more notes were sent, then settle. Prints the
 * counts under `label` and asserts that every note sent was acknowledged and stored once.
 */
export async function writeThrough(
  label: string,
  sql: postgres.Sql,
  clients: Writer[],
  conversationIds: string[],
  fault: () => Promise<void>,
  settleMs: number,
) {
  let stop = false;
  const writing = addNotes(clients, conversationIds, () => stop);
  await eventually(async () => clients.every((c) => c.network.acknowledged.length >= 2), 15_000);
  await fault();
  const atFault = total(clients);
  await eventually(async () => total(clients) >= atFault + 20, 15_000);
  stop = true;
  await writing;
  await settled(clients, settleMs);

  const c = await counts(sql, clients);
  console.info(
    `${label}: sent ${c.sent} (${c.resent} pushed again), acknowledged ${c.acknowledged} (${c.acknowledgedByPull} by a pull), stored ${c.storedNotes} notes / ${c.noteEvents} events / ${c.okResults} ok results (most events for one note: ${c.mostEventsPerNote})`,
  );
  expect(c.acknowledged).toBe(c.sent);
  expect(c.storedNotes).toBe(c.sent);
  expect(c.noteEvents).toBe(c.sent);
  expect(c.mostEventsPerNote).toBe(1);
  expect(c).toMatchObject({ results: c.sent, okResults: c.sent });
}
