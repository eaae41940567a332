/**
 * The Node API as deployed (server/run.ts, configured by the environment), started by
 * bench/load-api.ts: prints one JSON line ({url}) once it listens, stops on SIGTERM or when
 * its parent goes away.
 */
import { loadEnv } from '../server/env';
import { runApi } from '../server/run';

const { server } = await runApi(loadEnv());
console.log(JSON.stringify({ url: server.url }));
// A parent that dies (a test run cut short) must not leave the API running.
process.once('disconnect', () => process.exit(1));
