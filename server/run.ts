import { databaseConfig, openDatabase } from './db/open';
import { depsFromEnv } from './deps';
import type { Env } from './env';
import type { Deps } from './http/context';
import { serveApp } from './serve';

/**
 * Opens the database (migrated), runs `prepare` (the seed, for `npm start`), serves the
 * API, and shuts both down cleanly on SIGINT/SIGTERM.
 */
export async function runApi(
  env: Env,
  prepare?: (deps: Omit<Deps, 'upgradeWebSocket'>) => Promise<unknown>,
) {
  const database = await openDatabase(databaseConfig(env));
  const deps = depsFromEnv(env, database);
  await prepare?.(deps);
  const server = await serveApp(deps, { port: env.PORT, hostname: env.HOST });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { server, database };
}
