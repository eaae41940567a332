/**
 * The API in a process of its own, as deployed: started by bench/api-process.ts, which
 * reads one JSON line from stdout ({url, sessions}) and ends the process when done.
 */
import { pglite, postgresAt } from '../server/testing/databases';
import { startTestServer } from '../server/testing/test-server';

const [database = 'pglite', ...emails] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
const server = await startTestServer({
  database: database === 'postgres' && url ? postgresAt(url) : pglite,
});
const sessions = [];
for (const [i, email] of emails.entries())
  sessions.push(await server.signIn(email, i === 0 ? 'admin' : 'agent'));
console.log(JSON.stringify({ url: server.url, sessions }));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
