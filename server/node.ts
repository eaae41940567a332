import { EnvError, loadEnv } from './env';
import { runApi } from './run';

try {
  const { server, database } = await runApi(loadEnv());
  console.log(`Sidedesk API on ${server.url} (${database.kind})`);
} catch (e) {
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
}
