/**
 * `npm run bench:load`: simulated agents, each a real sync client, adding notes against
 * the API on Postgres, on one workspace and across many, then a sweep of the agents on one
 * workspace (doubling from 2) until it saturates, noting where push or propagation p95
 * first passes 100 ms. Every row sits beside the bare GET /livez probed at the same pace in the
 * same run.
 *
 *   npm run bench:load -- --agents 100 --duration 20 --workspaces 10 --interval 3000
 *   npm run bench:load -- --targets node --no-sweep      (targets: node, worker)
 *   npm run bench:load -- --client engine   (each agent the extension's engine on fake IndexedDB)
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { WorkerUnavailable } from '../server/testing/worker';
import { nodeTarget, type Target } from './load-api';
import { type LoadResult, runScenario, type Scenario } from './load-run';
import { workerTarget } from './load-worker';

const Flags = z.object({
  agents: z.coerce.number().int().min(2).default(100),
  duration: z.coerce.number().positive().default(20),
  workspaces: z.coerce.number().int().min(1).default(10),
  interval: z.coerce.number().int().min(10).default(3000),
  processes: z.coerce.number().int().min(1).default(2),
  client: z.enum(['wire', 'engine']).default('wire'),
  'sweep-duration': z.coerce.number().positive().default(10),
  'sweep-max': z.coerce.number().int().min(2).default(1600),
  'no-sweep': z.boolean().default(false),
  targets: z
    .string()
    .default('node,worker')
    .transform((list) => list.split(','))
    .pipe(z.array(z.enum(['node', 'worker']))),
});
const { values } = parseArgs({
  options: {
    agents: { type: 'string' },
    duration: { type: 'string' },
    workspaces: { type: 'string' },
    interval: { type: 'string' },
    processes: { type: 'string' },
    client: { type: 'string' },
    'sweep-duration': { type: 'string' },
    'sweep-max': { type: 'string' },
    'no-sweep': { type: 'boolean' },
    targets: { type: 'string' },
  },
});
const flags = Flags.parse(values);

const TARGET_P95_MS = 100;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.log('DATABASE_URL is unset: the load benchmark needs Postgres; nothing was run.');
  process.exit(0);
}
const targets: Target[] = flags.targets.map((t) => (t === 'node' ? nodeTarget : workerTarget));

const base = {
  durationMs: flags.duration * 1000,
  intervalMs: flags.interval,
  processes: flags.processes,
  client: flags.client,
};
const perWorkspace = Math.max(2, Math.round(flags.agents / flags.workspaces));
const scenarios: Scenario[] = [
  { name: 'one workspace', workspaces: 1, agentsPerWorkspace: flags.agents, ...base },
  {
    name: `${flags.workspaces} workspaces × ${perWorkspace}`,
    workspaces: flags.workspaces,
    agentsPerWorkspace: perWorkspace,
    ...base,
  },
];

const fmt = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const p3 = (p: { p50: number; p95: number; p99: number }) =>
  `${fmt(p.p50)} / ${fmt(p.p95)} / ${fmt(p.p99)}`;

function print(title: string, rows: LoadResult[]) {
  console.log(`\n${title}`);
  console.log(
    [
      'target',
      'scenario',
      'agents',
      'interval ms',
      'acked/s',
      'push p50/p95/p99 ms',
      'propagation p50/p95/p99 ms',
      '/livez p50/p95/p99 ms',
      'push/livez (p50)',
      'CPU cores API / agents',
      'errors',
    ].join(' | '),
  );
  for (const r of rows) {
    console.log(
      [
        r.target,
        r.scenario.name,
        r.agents,
        r.scenario.intervalMs,
        r.perSecond.toFixed(1),
        p3(r.push),
        p3(r.propagation),
        p3(r.bare),
        `${(r.push.p50 / r.bare.p50).toFixed(1)}×`,
        `${r.cpu.api === null ? '–' : r.cpu.api.toFixed(2)} / ${r.cpu.agents.toFixed(2)}`,
        r.errors,
      ].join(' | '),
    );
    for (const problem of r.problems) console.log(`  ${problem}`);
  }
}

const [load1] = loadavg();
console.log(
  `Load benchmark: ${flags.agents} agents, a note every ${flags.interval} ms ±50% each, ` +
    `${flags.duration} s per scenario, ${flags.processes} agent processes, ${flags.client} clients; load average ${load1?.toFixed(2)} before the run.`,
);
const rows: LoadResult[] = [];
const measured: Target[] = [];
for (const target of targets) {
  try {
    for (const scenario of scenarios) rows.push(await runScenario(target, databaseUrl, scenario));
    measured.push(target);
  } catch (e) {
    if (!(e instanceof WorkerUnavailable)) throw e;
    console.log(`${target.name} skipped: ${e.message}`);
  }
}
print('Load: every agent adds notes; propagation = note added on A → in B’s cache', rows);

// Saturated: errors, or writes queueing for seconds (push p50 over a second).
const SATURATED_PUSH_P50_MS = 1000;
const saturatedAt = (r: LoadResult) => r.errors > 0 || r.push.p50 > SATURATED_PUSH_P50_MS;
const overTarget = (r: LoadResult) =>
  r.push.p95 > TARGET_P95_MS || r.propagation.p95 > TARGET_P95_MS;

if (!flags['no-sweep']) {
  for (const target of measured) {
    const sweep: LoadResult[] = [];
    for (let agents = 2; agents <= flags['sweep-max']; agents *= 2) {
      const r = await runScenario(target, databaseUrl, {
        ...scenarios[0]!,
        name: 'sweep',
        agentsPerWorkspace: agents,
        durationMs: flags['sweep-duration'] * 1000,
      });
      sweep.push(r);
      if (saturatedAt(r)) break;
    }
    print(`Sweep (${target.name}): agents on one workspace double until saturated`, sweep);
    const breach = sweep.find(overTarget);
    const saturated = sweep.find(saturatedAt);
    console.log(
      `${target.name}: p95 ≤ ${TARGET_P95_MS} ms ${breach ? `first missed at ${breach.agents} agents` : `held up to ${sweep.at(-1)?.agents} agents`}; ` +
        (saturated
          ? `saturated (errors, or push p50 over ${SATURATED_PUSH_P50_MS} ms) at ${saturated.agents} agents, ${saturated.perSecond.toFixed(1)} notes/s acknowledged.`
          : `not saturated up to ${sweep.at(-1)?.agents} agents.`),
    );
  }
}
console.log(`Load average after the run: ${loadavg()[0]?.toFixed(2)}.`);
process.exit(0);
