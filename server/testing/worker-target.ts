import { inject } from 'vitest';
import { type TestTarget, testDatabases, type WorkerTarget, workerAt } from './databases';

/**
 * testDatabases() and, when the run started a worker (DATABASE_URL set and workerd up), the
 * worker too: `for (const target of testTargets()) describe(`… [${target.name}]`, …)`.
 */
export function testTargets(): TestTarget[] {
  return [...testDatabases(), ...workerTargets()];
}

/** The worker alone, when the run started one: for suites that run on one database besides it. */
export function workerTargets(): WorkerTarget[] {
  const workerUrl = inject('sidedeskWorker');
  const databaseUrl = process.env.DATABASE_URL;
  return workerUrl && databaseUrl ? [workerAt(workerUrl, databaseUrl)] : [];
}
