/**
 * Simulated agents in a process of their own, started by bench/load-run.ts over IPC: each
 * agent is a real sync client (bench/load-agent.ts: the extension's engine, or the same
 * protocol with an in-memory cache) that adds a note every `intervalMs` (±50% jitter) for
 * the run and probes the bare GET /livez at the same pace. It records, on the wall clock shared
 * by every process, when each of its notes was sent and acknowledged, and when each other
 * agent's note landed in its cache.
 */
import { randomUUID } from 'node:crypto';
import { type ClientKind, type LoadAgent, openAgent } from './load-agent';
import { type Agent, digestOf } from './load-setup';

export type AgentSpec = { agent: Agent; workspace: number; conversationIds: string[] };
export type FromParent =
  | { type: 'start'; url: string; agents: AgentSpec[]; intervalMs: number; client: ClientKind }
  | { type: 'go'; durationMs: number }
  | { type: 'report' }
  | { type: 'stop' };
export type Sent = { id: string; workspace: number; at: number; ackAt: number | null };
export type Report = {
  type: 'report';
  sent: Sent[];
  /** [note id, wall-clock time it landed] per receiving agent. */
  landed: [string, number][];
  bareMs: number[];
  bareErrors: number;
  /** CPU time this process spent during the run (its agents' clients and caches). */
  cpuMs: number;
  rejected: number;
  errors: string[];
  /** Notes still in an outbox: never pushed in time (saturation), not lost. */
  queued: string[];
  /** Per agent: its workspace and a digest of the note ids in its cache. */
  caches: { workspace: number; notes: number; digest: string }[];
};
export type FromChild = { type: 'ready' } | { type: 'drained' } | Report;

const send = (message: FromChild) => process.send?.(message);
const wallClock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jittered = (ms: number) => ms * (0.5 + Math.random());

type Running = AgentSpec & { client: LoadAgent };
let url = '';
let intervalMs = 3000;
let agents: Running[] = [];
const sent = new Map<string, Sent>();
const landed: [string, number][] = [];
const bareMs: number[] = [];
let bareErrors = 0;
let rejected = 0;
let cpuMs = 0;
const errors: string[] = [];

async function open(spec: AgentSpec, kind: ClientKind): Promise<Running> {
  const client = await openAgent(kind, url, spec.agent, {
    landed: (id) => landed.push([id, wallClock()]),
    acknowledged: (id) => {
      const s = sent.get(id);
      if (s) s.ackAt = wallClock();
    },
    refused: () => rejected++,
    error: (message) => errors.push(message),
  });
  return { ...spec, client };
}

async function addNotes(a: Running, until: number) {
  await sleep(Math.random() * intervalMs);
  while (Date.now() < until) {
    const id = randomUUID();
    const conversationId = a.conversationIds[Math.floor(Math.random() * a.conversationIds.length)]!;
    sent.set(id, { id, workspace: a.workspace, at: wallClock(), ackAt: null });
    await a.client.addNote(id, conversationId);
    await sleep(jittered(intervalMs));
  }
}

async function probeBare(until: number) {
  await sleep(Math.random() * intervalMs);
  while (Date.now() < until) {
    const start = performance.now();
    const res = await fetch(`${url}/livez`).catch(() => null);
    if (res?.ok) {
      await res.arrayBuffer();
      bareMs.push(performance.now() - start);
    } else bareErrors++;
    await sleep(jittered(intervalMs));
  }
}

const queuedNotes = async () =>
  (await Promise.all(agents.map((a) => a.client.queuedNotes()))).flat();

/** Waits until every outbox is empty, or `until`. */
async function drain(until: number) {
  while ((await queuedNotes()).length > 0 && Date.now() < until) {
    for (const a of agents) a.client.flush();
    await sleep(100);
  }
}

async function report(): Promise<Report> {
  const caches = await Promise.all(
    agents.map(async (a) => {
      const ids = await a.client.noteIds();
      return { workspace: a.workspace, notes: ids.length, digest: digestOf(ids) };
    }),
  );
  return {
    type: 'report',
    sent: [...sent.values()],
    landed,
    bareMs,
    bareErrors,
    cpuMs,
    rejected,
    errors,
    queued: await queuedNotes(),
    caches,
  };
}

process.once('disconnect', () => process.exit(1));
process.on('message', async (message: FromParent) => {
  if (message.type === 'start') {
    url = message.url;
    intervalMs = message.intervalMs;
    for (const spec of message.agents) agents.push(await open(spec, message.client));
    send({ type: 'ready' });
  } else if (message.type === 'go') {
    const until = Date.now() + message.durationMs;
    const cpu = process.cpuUsage();
    await Promise.all([
      ...agents.map((a) => addNotes(a, until)),
      ...agents.map(() => probeBare(until)),
    ]);
    const used = process.cpuUsage(cpu);
    cpuMs = (used.user + used.system) / 1000;
    await drain(Date.now() + 30_000);
    send({ type: 'drained' });
  } else if (message.type === 'report') {
    send(await report());
  } else {
    for (const a of agents) a.client.stop();
    agents = [];
    process.exit(0);
  }
});
