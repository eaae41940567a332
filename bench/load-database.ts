import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from '../server/db/open';

/**
 * A new, migrated database on the Postgres server of `adminUrl` (so several API instances
 * can start on it at once), with a connection of its own for counting what got stored;
 * `drop()` removes it.
 */
export async function freshDatabase(adminUrl: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const name = `sidedesk_load_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await (await openDatabase({ url: url.toString() })).close();
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  return {
    url: url.toString(),
    sql,
    drop: async () => {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
