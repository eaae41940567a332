import { existsSync, readdirSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';

/**
 * Embedded (PGlite) backups: a tar of the data directory, made by PGlite itself so the
 * files are consistent; gzipped unless the file is named `.tar`. PGlite is one process's:
 * stop the API first.
 */
export async function backupEmbedded(dataDir: string, file: string) {
  if (!hasData(dataDir)) throw new Error(`No embedded database in ${dataDir}`);
  const client = await PGlite.create(dataDir);
  try {
    const dump = await client.dumpDataDir(file.endsWith('.tar') ? 'none' : 'gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/**
 * Loads a backup into `dataDir`. Refuses a directory that holds a database (perhaps one
 * the API is running on) unless `force`; then the old directory is kept beside it, renamed.
 * Returns where the old one went, if anywhere.
 */
export async function restoreEmbedded(dataDir: string, file: string, force: boolean) {
  let replaced: string | null = null;
  if (hasData(dataDir)) {
    if (!force)
      throw new Error(
        `${dataDir} already holds a database: stop the API and pass --force to replace it (the old one is kept aside)`,
      );
    replaced = `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, replaced);
  }
  // PGlite tells a gzipped tar from a plain one by itself.
  const dump = new Blob([await readFile(file)]);
  const client = await PGlite.create(dataDir, { loadDataDir: dump });
  try {
    await client.query('select 1');
  } finally {
    await client.close();
  }
  return replaced;
}

const hasData = (dataDir: string) => existsSync(dataDir) && readdirSync(dataDir).length > 0;
