/**
 * `npm run db:migrate`: applies every pending migration to DATABASE_URL and exits. The
 * Node server migrates at start; the worker never does, so run this before deploying it.
 */
import { openDatabase } from './db/open';
import { EnvError, loadEnv } from './env';

try {
  const env = loadEnv();
  if (!env.DATABASE_URL)
    throw new EnvError('Invalid environment:\n  DATABASE_URL: is required to migrate');
  const database = await openDatabase({ url: env.DATABASE_URL, pubsub: { kind: 'memory' } });
  await database.close();
  console.log(`Migrated ${new URL(env.DATABASE_URL).pathname.slice(1) || 'the database'}.`);
} catch (e) {
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
}
