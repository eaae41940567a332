import { randomBytes } from 'node:crypto';
import { startWorker } from '../server/testing/worker';
import type { Target } from './load-api';

/** The API as a Cloudflare Worker (wrangler dev, workerd, loopback) on Postgres. */
export const workerTarget: Target = {
  name: 'worker+postgres',
  start: (databaseUrl) =>
    startWorker({
      databaseUrl,
      vars: {
        NODE_ENV: 'test',
        DEV_SIGN_IN: 'true',
        JWT_SECRET: randomBytes(32).toString('hex'),
      },
    }),
};
