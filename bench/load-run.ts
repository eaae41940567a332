import { type ChildProcess, fork } from 'node:child_process';
import type { ClientKind } from './load-agent';
import type { AgentSpec, FromChild, Report } from './load-agents-child';
import type { Target } from './load-api';
import { freshDatabase } from './load-database';
import { digestOf, type SeededWorkspace, seedWorkspace, serverNotes } from './load-setup';
import { percentile } from './stats';

export type Scenario = {
  name: string;
  workspaces: number;
  agentsPerWorkspace: number;
  /** Mean time between two notes of one agent (±50% jitter). */
  intervalMs: number;
  durationMs: number;
  /** Child processes the agents are spread over. */
  processes: number;
  client: ClientKind;
};

export type Percentiles = { p50: number; p95: number; p99: number };
export type LoadResult = {
  target: string;
  scenario: Scenario;
  agents: number;
  sent: number;
  acknowledged: number;
  perSecond: number;
  push: Percentiles;
  propagation: Percentiles;
  /** The bare route, GET /livez. */
  bare: Percentiles;
  /** Share of one core used during the run: by the API, by all agent processes. */
  cpu: { api: number | null; agents: number };
  /** Engine errors, refused mutations, failed probes, lost notes, missed landings, stale caches. */
  errors: number;
  problems: string[];
};

const CONVERSATIONS_PER_WORKSPACE = 20;
const SETTLE_MS = 15_000;

const percentiles = (ms: number[]): Percentiles => ({
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
  p99: percentile(ms, 99),
});

class Child {
  readonly process: ChildProcess;
  constructor() {
    this.process = fork('bench/load-agents-child.ts', [], { execArgv: ['--import', 'tsx'] });
  }
  next<T extends FromChild['type']>(type: T) {
    return new Promise<Extract<FromChild, { type: T }>>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`an agents process exited (${code})`));
      const listener = (message: FromChild) => {
        if (message.type !== type) return;
        this.process.off('message', listener);
        this.process.off('exit', onExit);
        resolve(message as Extract<FromChild, { type: T }>);
      };
      this.process.on('message', listener);
      this.process.once('exit', onExit);
    });
  }
  async ask<T extends FromChild['type']>(message: unknown, type: T) {
    const answer = this.next(type);
    this.process.send(message as never);
    return answer;
  }
}

/**
 * One run: a fresh database, the target's API on it, the workspaces seeded over HTTP, and
 * every agent a real sync client adding notes for the run; then everything pushed is
 * checked against what the server holds and what every cache holds.
 */
export async function runScenario(
  target: Target,
  adminUrl: string,
  scenario: Scenario,
): Promise<LoadResult> {
  const database = await freshDatabase(adminUrl);
  const api = await target.start(database.url);
  const children: Child[] = [];
  try {
    const workspaces: SeededWorkspace[] = [];
    for (let w = 0; w < scenario.workspaces; w++) {
      workspaces.push(
        await seedWorkspace(
          api.url,
          `Load ${w}`,
          scenario.agentsPerWorkspace,
          CONVERSATIONS_PER_WORKSPACE,
        ),
      );
    }
    const specs: AgentSpec[][] = Array.from({ length: scenario.processes }, () => []);
    let n = 0;
    for (const [w, ws] of workspaces.entries())
      for (const agent of ws.agents)
        specs[n++ % scenario.processes]!.push({
          agent,
          workspace: w,
          conversationIds: ws.conversationIds,
        });
    for (let i = 0; i < scenario.processes; i++) children.push(new Child());
    await Promise.all(
      children.map((c, i) =>
        c.ask(
          {
            type: 'start',
            url: api.url,
            agents: specs[i],
            intervalMs: scenario.intervalMs,
            client: scenario.client,
          },
          'ready',
        ),
      ),
    );
    // The API's CPU over the run itself, as the agents count theirs: not the drain after it.
    const apiCpu = api.cpuMs?.();
    const apiCpuOfRun = new Promise<number | null>((resolve) =>
      setTimeout(
        () => resolve(apiCpu === undefined ? null : api.cpuMs!() - apiCpu),
        scenario.durationMs,
      ),
    );
    await Promise.all(
      children.map((c) => c.ask({ type: 'go', durationMs: scenario.durationMs }, 'drained')),
    );
    const apiCpuMs = await apiCpuOfRun;
    // Every cache should reach the server's state by itself; give it SETTLE_MS at most.
    const until = Date.now() + SETTLE_MS;
    for (;;) {
      const reports = await Promise.all(children.map((c) => c.ask({ type: 'report' }, 'report')));
      const truth = await Promise.all(
        workspaces.map((ws) => serverNotes(api.url, ws.agents[0]!.token)),
      );
      const result = summarize(target.name, scenario, reports, truth, apiCpuMs);
      if (result.errors === 0 || Date.now() > until) return result;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.process.exitCode !== null) return resolve();
            c.process.once('exit', () => resolve());
            c.process.send({ type: 'stop' });
          }),
      ),
    );
    await api.close();
    await database.drop();
  }
}

function summarize(
  target: string,
  scenario: Scenario,
  reports: Report[],
  truth: { id: string }[][],
  apiCpuMs: number | null,
): LoadResult {
  const problems: string[] = [];
  const sent = reports.flatMap((r) => r.sent);
  const sentById = new Map(sent.map((s) => [s.id, s]));
  const acked = sent.filter((s) => s.ackAt !== null);
  const stored = truth.map((notes) => new Set(notes.map((n) => n.id)));

  // Still queued when the drain gave up: not lost, but never pushed in time (saturation).
  const queued = new Set(reports.flatMap((r) => r.queued));
  if (queued.size > 0) problems.push(`${queued.size} notes still in outboxes after the drain`);
  const lost = sent.filter((s) => !stored[s.workspace]?.has(s.id) && !queued.has(s.id)).length;
  if (lost > 0) problems.push(`${lost} notes sent but not stored`);
  const unacked = sent.filter((s) => s.ackAt === null && !queued.has(s.id)).length;
  if (unacked > 0) problems.push(`${unacked} pushed notes never acknowledged`);
  const rejected = reports.reduce((a, r) => a + r.rejected, 0);
  if (rejected > 0) problems.push(`${rejected} mutations refused locally`);
  const engineErrors = reports.flatMap((r) => r.errors);
  if (engineErrors.length > 0)
    problems.push(`${engineErrors.length} sync errors, e.g. "${engineErrors[0]}"`);
  const bareErrors = reports.reduce((a, r) => a + r.bareErrors, 0);
  if (bareErrors > 0) problems.push(`${bareErrors} failed /livez probes`);

  const propagation: number[] = [];
  // Notes still queued are not expected anywhere yet: their landings are not counted either.
  for (const [id, at] of reports.flatMap((r) => r.landed)) {
    const s = sentById.get(id);
    if (s && !queued.has(id)) propagation.push(at - s.at);
  }
  const expected = (sent.length - queued.size) * (scenario.agentsPerWorkspace - 1);
  const missed = expected - propagation.length;
  if (missed !== 0) problems.push(`${missed} of ${expected} expected landings missing`);

  const digests = stored.map((ids) => digestOf(ids));
  const stale = reports
    .flatMap((r) => r.caches)
    .filter((c) => c.digest !== digests[c.workspace]).length;
  if (stale > 0) problems.push(`${stale} caches differ from the server`);

  const errors = lost + unacked + queued.size + rejected + engineErrors.length + bareErrors + stale;
  return {
    target,
    scenario,
    agents: scenario.workspaces * scenario.agentsPerWorkspace,
    sent: sent.length,
    acknowledged: acked.length,
    perSecond: acked.length / (scenario.durationMs / 1000),
    push: percentiles(acked.map((s) => s.ackAt! - s.at)),
    propagation: percentiles(propagation),
    bare: percentiles(reports.flatMap((r) => r.bareMs)),
    cpu: {
      api: apiCpuMs === null ? null : apiCpuMs / scenario.durationMs,
      agents: reports.reduce((sum, r) => sum + r.cpuMs, 0) / scenario.durationMs,
    },
    errors: errors + Math.abs(missed),
    problems,
  };
}
