import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { Database } from '../db/open';
import { depsFromEnv } from '../deps';
import { loadEnv } from '../env';
import { pglite } from '../testing/databases';

describe('the test clock (end-to-end tests only)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await pglite.open();
  });
  afterAll(() => database.close());

  const env = (extra: Record<string, string>) =>
    loadEnv({ NODE_ENV: 'test', JWT_SECRET: 'j'.repeat(32), ...extra });

  it('is refused unless NODE_ENV=test', () => {
    expect(() => loadEnv({ TEST_CLOCK: 'true', JWT_SECRET: 'j'.repeat(32) })).toThrow(
      /TEST_CLOCK: .*only when NODE_ENV=test/,
    );
    expect(env({}).TEST_CLOCK).toBe(false);
  });

  it('moves the API clock ahead when on, and does not exist otherwise', async () => {
    const deps = depsFromEnv(env({ TEST_CLOCK: 'true' }), database);
    const app = createApp(deps);
    const put = (offsetMs: number) =>
      app.request('/__test/clock', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ offsetMs }),
      });
    const before = Date.now();
    const moved = await put(30 * 60_000);
    expect(moved.status).toBe(200);
    const { now } = (await moved.json()) as { now: string };
    expect(Date.parse(now) - before).toBeGreaterThanOrEqual(30 * 60_000);
    expect(deps.now().getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect((await put(-1)).status).toBe(400);

    const off = createApp(depsFromEnv(env({}), database));
    expect((await off.request('/__test/clock')).status).toBe(404);
  });
});
