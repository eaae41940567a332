import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestSession } from '../server/testing/test-server';

/** Starts bench/api-child.ts with members signed in; `stop()` ends it and its database. */
export async function apiProcess(database: 'pglite' | 'postgres', emails: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/api-child.ts', database, ...emails],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the bench API exited (${code})`)));
  });
  const { url, sessions } = JSON.parse(line) as { url: string; sessions: TestSession[] };
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, sessions, stop };
}
