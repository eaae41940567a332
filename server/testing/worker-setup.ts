/**
 * Vitest global setup: with DATABASE_URL, one `wrangler dev` serves the API under workerd for
 * the whole run, and test files reach it through testTargets() (server/testing/worker-target.ts).
 * A machine where workerd cannot start skips the worker suites and says why; a worker that
 * started and then fails its tests fails the run.
 */
import type { TestProject } from 'vitest/node';
import { startWorker, TEST_WORKER_VARS, WorkerUnavailable } from './worker';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test worker's URL; absent when no worker runs. */
    sidedeskWorker?: string;
  }
}

export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.info('Worker suite skipped: DATABASE_URL is not set (the worker needs Postgres).');
    return;
  }
  try {
    const worker = await startWorker({ databaseUrl, vars: TEST_WORKER_VARS });
    project.provide('sidedeskWorker', worker.url);
    return () => worker.close();
  } catch (e) {
    if (!(e instanceof WorkerUnavailable)) throw e;
    console.info(`Worker suite skipped: ${e.message}`);
  }
}
