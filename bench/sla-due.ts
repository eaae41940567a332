/**
 * Issue #7, part 1: a conversation's SLA state as the product computes it, per
 * conversation, beside a plain calendar-time addition measured in the same run.
 *
 * The entry point is `slaSnapshot` (server/domain/sla-snapshot.ts), which the sweep and
 * every push call: policy matching, the history from the activity log, `slaState`, and
 * the alert points. Its calendars are the objects of one `SlaSetup`, so each compiles
 * once (the `WeakMap` in lib/sla/calendar.ts), as within one sweep batch.
 */
import type { BusinessCalendar } from '../lib/schema';
import { matchPolicy, slaState } from '../lib/sla';
import { slaHistory } from '../server/domain/sla-history';
import { type SlaSetup, slaSnapshot } from '../server/domain/sla-snapshot';
import { slaSubject } from '../server/domain/sla-subject';
import { type CorpusItem, corpusStats, memorySetup, NOW, openConversations } from './sla-corpus';
import { percentile } from './stats';

export const DUE_TARGET_US = 20;
const COUNT = 10_000;
const BATCH = 100;
const PASSES = 5;
const COLD_SAMPLES = 300;

type Spread = { p50: number; p95: number };
const spread = (values: number[]): Spread => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
});

/** µs per item of each batch of BATCH items, over PASSES passes of the corpus. */
function perItemInBatches<T>(items: readonly T[], fn: (item: T) => unknown): number[] {
  const us: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (let i = 0; i < items.length; i += BATCH) {
      const end = Math.min(items.length, i + BATCH);
      const start = performance.now();
      for (let j = i; j < end; j++) if (fn(items[j]!)) sink++;
      us.push(((performance.now() - start) * 1000) / (end - i));
    }
  }
  if (sink < 0) console.log(sink);
  return us;
}

/** Fresh copies of the setup's calendars: new objects, so each compiles again. */
function freshSetup(setup: SlaSetup): SlaSetup {
  const calendars = new Map<string, BusinessCalendar>();
  for (const [id, c] of setup.calendars) calendars.set(id, structuredClone(c));
  return { ...setup, calendars };
}

export function benchSlaDue() {
  const items: CorpusItem[] = openConversations(COUNT);
  const stats = corpusStats(items);
  const setup = memorySetup();
  const holidays = setup.calendarList.map((c) => c.holidays.length);

  // The very first call of the process: cold JIT, cold calendar.
  const firstStart = performance.now();
  slaSnapshot(items[0]!.conversation, items[0]!.events, setup, NOW);
  const firstCallUs = (performance.now() - firstStart) * 1000;

  // Warm up every path once, so the JIT does not count against any of them.
  const snapshots = items.map((it) => slaSnapshot(it.conversation, it.events, setup, NOW));
  const prepared = items.map((it) => {
    const policy = matchPolicy(setup.policies, slaSubject(it.conversation, setup.team))!;
    const calendar = setup.calendars.get(policy.calendarId!)!;
    return { policy, calendar, history: slaHistory(it.conversation, it.events), now: NOW };
  });
  for (const input of prepared) slaState(input);
  const byPolicy = new Map<string, number>();
  for (const s of snapshots) {
    const name = setup.policies.find((p) => p.id === s.sla?.policyId)?.name ?? 'none';
    byPolicy.set(name, (byPolicy.get(name) ?? 0) + 1);
  }
  const states = { running: 0, paused: 0, met: 0, breached: 0 };
  for (const s of snapshots) {
    for (const t of [s.sla?.firstResponse, ...(s.sla?.nextResponses ?? []), s.sla?.resolution])
      if (t) states[t.state]++;
  }

  // Baseline: what a calendar-time policy would do, arrival + target as a Date.
  const targetMs = 30 * 60_000;
  const plain = (it: CorpusItem) =>
    new Date(Date.parse(it.conversation.firstMessageAt!) + targetMs).getTime() > 0;
  for (const it of items) plain(it);

  const baseline = perItemInBatches(items, plain);
  const snapshot = perItemInBatches(items, (it) =>
    slaSnapshot(it.conversation, it.events, setup, NOW),
  );
  const engine = perItemInBatches(prepared, (input) => slaState(input));

  // One call at a time (hrtime), for the tail a batch mean hides.
  const single: number[] = [];
  for (const it of items) {
    const start = process.hrtime.bigint();
    slaSnapshot(it.conversation, it.events, setup, NOW);
    single.push(Number(process.hrtime.bigint() - start) / 1000);
  }

  // Cold: the first conversation after its calendar compiles (fresh calendar objects), as
  // each sweep batch starts, since `loadSlaSetup` reads new calendar objects per batch.
  const cold: number[] = [];
  const colds = Array.from({ length: COLD_SAMPLES }, () => freshSetup(setup));
  for (let k = 0; k < COLD_SAMPLES; k++) {
    const it = items[(k * 37) % items.length]!;
    const start = process.hrtime.bigint();
    slaSnapshot(it.conversation, it.events, colds[k]!, NOW);
    cold.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  // A whole sweep batch of 500 from a fresh setup, per conversation.
  const batchOf500: number[] = [];
  for (let b = 0; b < 20; b++) {
    const fresh = freshSetup(setup);
    const slice = items.slice(b * 500, b * 500 + 500);
    const start = performance.now();
    for (const it of slice) slaSnapshot(it.conversation, it.events, fresh, NOW);
    batchOf500.push(((performance.now() - start) * 1000) / slice.length);
  }

  return {
    stats,
    holidays,
    byPolicy: Object.fromEntries(byPolicy),
    states,
    firstCallUs,
    baseline: spread(baseline),
    snapshot: spread(snapshot),
    engine: spread(engine),
    single: { ...spread(single), p99: percentile(single, 99), max: Math.max(...single) },
    cold: spread(cold),
    batchOf500: spread(batchOf500),
  };
}

export function printSlaDue(r: ReturnType<typeof benchSlaDue>) {
  const f = (n: number) => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(0));
  const s = r.stats;
  const verdict = (us: number) =>
    `≤${DUE_TARGET_US} µs: ${us <= DUE_TARGET_US ? 'met' : 'not met'}`;
  console.log(
    `\nSLA due time per conversation: ${s.conversations} open conversations (${s.events} logged events; ${JSON.stringify(s.byStatus)}; ${s.replied} replied, ${s.paused} paused at some time, ${s.reopened} re-opened, ${s.offHours} arrived nights or weekends), policies ${JSON.stringify(r.byPolicy)}, Berlin DE-BE and New York US calendars (${r.holidays.join(' and ')} holidays, 2026–27), now ${NOW.toISOString()}; targets ${JSON.stringify(r.states)}`,
  );
  console.log(`batches of ${BATCH}, ${PASSES} passes; µs per conversation`);
  console.log('bench | p50 µs | p95 µs | ratio p50 to baseline | target');
  const base = r.baseline.p50;
  console.log(
    `slaState: the due-time computation (history and policy given) | ${f(r.engine.p50)} | ${f(r.engine.p95)} | ${(r.engine.p50 / base).toFixed(0)}× | ${verdict(r.engine.p95)} (p95)`,
  );
  // The sweep's whole step per conversation: the history read from logged rows (each
  // payload checked), policy matching, the due times, and the alert points.
  console.log(
    `slaSnapshot: the sweep's and a push's whole step | ${f(r.snapshot.p50)} | ${f(r.snapshot.p95)} | ${(r.snapshot.p50 / base).toFixed(0)}× | ${verdict(r.snapshot.p50)} (p50)`,
  );
  console.log(`baseline: Date + target ms | ${f(r.baseline.p50)} | ${f(r.baseline.p95)} | 1× |`);
  console.log(
    `slaSnapshot one call at a time (hrtime): p50 ${f(r.single.p50)}, p95 ${f(r.single.p95)}, p99 ${f(r.single.p99)}, max ${f(r.single.max)} µs`,
  );
  console.log(
    `cold, first conversation after its calendar compiles: p50 ${f(r.cold.p50)}, p95 ${f(r.cold.p95)} µs; a sweep batch of 500 from fresh calendars: p50 ${f(r.batchOf500.p50)}, p95 ${f(r.batchOf500.p95)} µs per conversation; the process's very first call (cold JIT too): ${f(r.firstCallUs)} µs`,
  );
}
