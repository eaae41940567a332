import { databaseConfig, openDatabase } from './db/open';
import { depsFromEnv } from './deps';
import type { Env } from './env';
import type { Deps } from './http/context';
import { serveApp } from './serve';
import { startSlaSweeper } from './sla/sweeper';

/**
 * Opens the database (migrated), runs `prepare` (the seed, for `npm start`), serves the
 * API, sweeps SLAs every SLA_SWEEP_INTERVAL_SECONDS, and shuts it all down cleanly on
 * SIGINT/SIGTERM.
 */
export async function runApi(
  env: Env,
  prepare?: (deps: Omit<Deps, 'upgradeWebSocket'>) => Promise<unknown>,
) {
  const database = await openDatabase(databaseConfig(env));
  const deps = depsFromEnv(env, database);
  await prepare?.(deps);
  const server = await serveApp(deps, { port: env.PORT, hostname: env.HOST });
  const interval = env.SLA_SWEEP_INTERVAL_SECONDS * 1000;
  const stopSweeper = interval > 0 ? startSlaSweeper(deps, interval) : null;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopSweeper?.();
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { server, database };
}
