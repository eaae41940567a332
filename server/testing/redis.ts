/**
 * Redis for pub/sub tests: REDIS_URL, else the usual local one at 127.0.0.1:6379.
 *
 *   const redisUrl = await testRedis();  // null: no Redis here, the suite is skipped
 *   describe.runIf(redisUrl)('…', () => { … });
 *
 * REDIS_URL set but Redis silent is a failure, never a skip; the default address silent
 * is a skip, said once per run.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';

const LOCAL = 'redis://127.0.0.1:6379';

export async function testRedis(): Promise<string | null> {
  const url = process.env.REDIS_URL || LOCAL;
  const error = await ping(url);
  if (!error) return url;
  if (process.env.REDIS_URL)
    throw new Error(`REDIS_URL is set (${url}) but Redis does not answer: ${error}`);
  announceSkippedRedis(error);
  return null;
}

/** A channel of the test's own, so test files running at once never hear each other. */
export const testChannel = () => `sidedesk-test:${randomBytes(6).toString('hex')}`;

/** A plain client, for what a test does beside the notifiers (raw messages, killing links). */
export async function rawRedis(url: string) {
  const client = createClient({ url, socket: { reconnectStrategy: false } });
  client.on('error', () => {});
  await client.connect();
  return client;
}

async function ping(url: string): Promise<string | null> {
  const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    client.destroy();
  }
}

/** Test files run in separate workers; a marker named after the runner says it once. */
function announceSkippedRedis(why: string) {
  try {
    writeFileSync(join(tmpdir(), `sidedesk-redis-skipped-${process.ppid}`), '', { flag: 'wx' });
  } catch {
    return;
  }
  console.info(
    `Redis suite skipped: nothing answers at ${LOCAL} and REDIS_URL is not set (${why}).`,
  );
}
