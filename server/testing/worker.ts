/**
 * Runs the API as a Cloudflare Worker under `wrangler dev` (workerd, local only) on a free
 * loopback port, for tests and benchmarks:
 *
 *   const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL });
 *   await fetch(`${worker.url}/healthz`);
 *   await worker.close();
 *
 * `vars` adds or overrides the worker's variables (NODE_ENV, JWT_SECRET, DEV_SIGN_IN…). The
 * database must be migrated (`npm run db:migrate`). Throws WorkerUnavailable when workerd
 * cannot run here at all (callers may skip then), any other error when the worker fails.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

/** The test worker's variables: selected databases (/__db/…), dev sign-in, a known key. */
export const TEST_WORKER_VARS = {
  NODE_ENV: 'test',
  TEST_DATABASE_PREFIX: 'true',
  DEV_SIGN_IN: 'true',
  JWT_SECRET: 'sidedesk-test-worker-secret-0123456789abcdef',
};

/** `pid` leads the process group of wrangler and its workerd. */
export type RunningWorker = { url: string; pid: number; close(): Promise<void> };

export class WorkerUnavailable extends Error {
  override name = 'WorkerUnavailable';
}

const START_TIMEOUT_MS = 90_000;
const root = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * wrangler's CLI, once workerd has shown it runs on this machine: only then is a failure to
 * start a WorkerUnavailable, anything later (a broken worker, a crash) is a plain error.
 */
function runnableWrangler(): string {
  const require = createRequire(import.meta.url);
  let wrangler: string;
  let workerd: string;
  try {
    wrangler = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
    workerd = join(dirname(require.resolve('workerd/package.json')), 'bin', 'workerd');
  } catch {
    throw new WorkerUnavailable('wrangler is not installed (npm ci)');
  }
  const probe = spawnSync(workerd, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status !== 0)
    throw new WorkerUnavailable(
      `workerd does not run on this machine: ${probe.error?.message ?? probe.stderr.trim()}`,
    );
  return wrangler;
}

export async function startWorker(options: {
  databaseUrl: string;
  vars?: Record<string, string>;
  /** Serve GET /__scheduled, which runs the Cron Trigger's handler. */
  testScheduled?: boolean;
}): Promise<RunningWorker> {
  const wrangler = runnableWrangler();
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const state = mkdtempSync(join(tmpdir(), 'sidedesk-worker-'));
  const vars = { DATABASE_URL: options.databaseUrl, ...options.vars };
  // An empty env file stands for .dev.vars and .env: a developer's own never reach the worker.
  const noEnvFile = join(state, 'none.env');
  writeFileSync(noEnvFile, '');
  const args = [
    wrangler,
    'dev',
    '--ip=127.0.0.1',
    `--port=${port}`,
    `--inspector-port=${inspectorPort}`,
    `--persist-to=${state}`,
    `--env-file=${noEnvFile}`,
    '--show-interactive-dev-session=false',
    '--log-level=warn',
    ...(options.testScheduled ? ['--test-scheduled'] : []),
    ...Object.entries(vars).map(([k, v]) => `--var=${k}:${v}`),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      // No request to Cloudflare for the `request.cf` sample: the tests run offline.
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  // Detached, so its workerd can be stopped with it; never outlive the process that started it.
  const orphanGuard = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  process.once('exit', orphanGuard);
  const close = () => {
    process.off('exit', orphanGuard);
    return stop(child, state);
  };
  try {
    await ready(url, child, () => output);
  } catch (e) {
    await close();
    throw e;
  }
  return { url, pid: child.pid!, close };
}

async function ready(url: string, child: ChildProcess, output: () => string) {
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`wrangler dev exited (${code}): ${lastLines(output())}`)),
    ),
  );
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const answered = await Promise.race([
      fetch(`${url}/healthz`).then(
        () => true,
        () => false,
      ),
      exited,
    ]);
    if (answered) return;
    if (Date.now() > deadline)
      throw new Error(`The worker did not answer within 90 s: ${lastLines(output())}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const lastLines = (text: string) =>
  stripVTControlCharacters(text).replace(/\s+$/, '').trim().split('\n').slice(-5).join(' | ') ||
  'no output';

/** Stops wrangler and the workerd it started (its own process group). */
async function stop(child: ChildProcess, state: string) {
  if (child.exitCode === null && child.pid) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  }
  rmSync(state, { recursive: true, force: true });
}
