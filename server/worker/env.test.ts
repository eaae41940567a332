import { describe, expect, it } from 'vitest';
import { parseWorkerEnv } from './env';

const good = {
  DATABASE_URL: 'postgres://app@db.internal:5432/sidedesk',
  JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
};

describe('worker environment', () => {
  it('takes the Node variables plus its own, and ignores bindings that are not text', () => {
    const parsed = parseWorkerEnv({ ...good, DEV_SIGN_IN: 'true', LIVE_ROOMS: {} });
    expect(parsed).toMatchObject({
      ok: true,
      env: {
        ...good,
        DEV_SIGN_IN: true,
        TEST_DATABASE_PREFIX: false,
        explicitPublicUrl: undefined,
      },
    });
  });

  it('keeps PUBLIC_URL only when it is set: links otherwise use the origin a request came to', () => {
    const parsed = parseWorkerEnv({ ...good, PUBLIC_URL: 'https://help.acme.test/' });
    expect(parsed.ok && parsed.env.explicitPublicUrl).toBe('https://help.acme.test');
  });

  it('requires DATABASE_URL and JWT_SECRET, and names every bad variable at once', () => {
    const parsed = parseWorkerEnv({ TEST_CLOCK: 'true', PUBSUB: 'redis' });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path).sort()).toEqual([
      'DATABASE_URL',
      'JWT_SECRET',
      'PUBSUB',
      'REDIS_URL',
      'TEST_CLOCK',
    ]);
  });

  it('refuses the test database prefix outside NODE_ENV=test', () => {
    expect(parseWorkerEnv({ ...good, TEST_DATABASE_PREFIX: 'true' })).toMatchObject({
      ok: false,
      issues: [{ path: 'TEST_DATABASE_PREFIX' }],
    });
    const test = parseWorkerEnv({ ...good, TEST_DATABASE_PREFIX: 'true', NODE_ENV: 'test' });
    expect(test.ok && test.env.TEST_DATABASE_PREFIX).toBe(true);
  });
});
