import { spawn } from 'node:child_process';

/** Runs a client tool (pg_dump, pg_restore) to completion; its stderr is the error. */
function run(tool: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (e) =>
      fail(
        new Error(`${tool} could not start (${e.message}): install the PostgreSQL client tools`),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** pg_dump's custom format: compressed, and pg_restore can pick and reorder from it. */
export const backupPostgres = (url: string, file: string) =>
  run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url]);

/**
 * Replaces the database's tables with the backup's, in one transaction: a restore that
 * fails part-way leaves the database as it was.
 */
export const restorePostgres = (url: string, file: string) =>
  run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    `--dbname=${url}`,
    file,
  ]);
