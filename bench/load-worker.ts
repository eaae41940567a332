import { randomBytes } from 'node:crypto';
import { startWorker } from '../server/testing/worker';
import type { Target } from './load-api';
import { groupCpuMs } from './process-cpu';

/** The API as a Cloudflare Worker (wrangler dev, workerd, loopback) on Postgres; its CPU is wrangler's and workerd's. */
export const workerTarget: Target = {
  name: 'worker+postgres',
  start: async (databaseUrl) => {
    const worker = await startWorker({
      databaseUrl,
      vars: {
        NODE_ENV: 'test',
        DEV_SIGN_IN: 'true',
        JWT_SECRET: randomBytes(32).toString('hex'),
      },
    });
    // wrangler runs in a process group of its own, with the workerd it starts.
    return { ...worker, cpuMs: () => groupCpuMs(worker.pid) };
  },
};
