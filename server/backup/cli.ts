import { resolve } from 'node:path';
import { databaseConfig, openDatabase } from '../db/open';
import { EnvError, loadEnv } from '../env';
import { backupEmbedded, restoreEmbedded } from './embedded';
import { fenceRestoredVersions } from './fence';
import { backupPostgres, restorePostgres } from './postgres';

/**
 * `npm run db:backup -- <file>` and `npm run db:restore -- <file> [--force]`, on the
 * database the API uses: Postgres when DATABASE_URL is set, else the embedded one in
 * DATA_DIR. See docs/backup.md.
 */
const USAGE = 'usage: db:backup -- <file>  |  db:restore -- <file> [--force]';

async function main([command, file, ...flags]: string[]) {
  if ((command !== 'backup' && command !== 'restore') || !file) throw new EnvError(USAGE);
  const env = loadEnv();
  const config = databaseConfig(env);
  const target = resolve(file);
  const where =
    'url' in config ? 'Postgres (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
  if (command === 'backup') {
    if ('url' in config) await backupPostgres(config.url, target);
    else await backupEmbedded(config.dataDir!, target);
    console.log(`Backed up ${where} to ${target}`);
    return;
  }
  if ('url' in config) await restorePostgres(config.url, target);
  else {
    const replaced = await restoreEmbedded(config.dataDir!, target, flags.includes('--force'));
    if (replaced) console.log(`The database it replaced is kept in ${replaced}`);
  }
  // Opening migrates a backup made by an older version; then every client cursor resets.
  const database = await openDatabase(config);
  try {
    await fenceRestoredVersions(database);
  } finally {
    await database.close();
  }
  console.log(`Restored ${where} from ${target}; connected extensions will bootstrap again`);
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
