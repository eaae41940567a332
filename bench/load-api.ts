import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { processCpuMs } from './process-cpu';

/** A running API: `close()` stops it; `cpuMs()` is the CPU time it used, when known. */
export type Api = { url: string; close(): Promise<void>; cpuMs?(): number };

/** Something that serves the API on a given Postgres database (Node, the Worker…). */
export type Target = { name: string; start(databaseUrl: string): Promise<Api> };

const Ready = z.object({ url: z.url() });

/** Every instance started by this process is one deployment: they share the token key. */
const JWT_SECRET = randomBytes(32).toString('hex');

/**
 * The Node API in a process of its own (bench/load-api-child.ts) on `databaseUrl`, with
 * dev sign-in on and no rate limits (NODE_ENV=test), so a bench or fault test drives it
 * over HTTP alone. Several may share one database: they hear each other through NOTIFY.
 */
export async function startNodeApi(
  databaseUrl: string,
): Promise<Api & { kill(): Promise<void>; cpuMs(): number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-api-child.ts'], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PUBSUB: 'postgres',
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET,
      DEV_SIGN_IN: 'true',
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the API process exited (${code})`)));
  });
  const { url } = Ready.parse(JSON.parse(line));
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const cpuMs = () => processCpuMs(child.pid!);
  return { url, close: end('SIGTERM'), kill: end('SIGKILL'), cpuMs };
}

export const nodeTarget: Target = { name: 'node+postgres', start: startNodeApi };
