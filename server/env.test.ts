import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ORIGIN } from '../lib/extension-identity';
import { loadSigningKey } from './auth/keys';
import { loadEnv } from './env';

describe('environment', () => {
  it('has working defaults', () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({
      PORT: 8787,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      DEV_SIGN_IN: false,
      OIDC_PROVIDERS: [],
      CORS_ORIGINS: [EXTENSION_ORIGIN],
    });
  });

  it('lists every bad value at once', () => {
    expect(() =>
      loadEnv({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        OIDC_PROVIDERS: '{oops',
        JWT_SECRET: 'short',
      }),
    ).toThrow(
      /PORT:[\s\S]*DATABASE_URL: must be a postgres:\/\/ URL[\s\S]*JWT_SECRET[\s\S]*OIDC_PROVIDERS: is not valid JSON/,
    );
  });

  it('refuses dev sign-in in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', DEV_SIGN_IN: 'true' })).toThrow(
      'DEV_SIGN_IN trusts any email and is refused when NODE_ENV=production',
    );
  });

  it('reads OIDC providers and CORS origins', () => {
    const env = loadEnv({
      OIDC_PROVIDERS: JSON.stringify([
        { id: 'google', name: 'Google', issuer: 'https://accounts.google.com', clientId: 'abc' },
      ]),
      CORS_ORIGINS: 'chrome-extension://a, https://b.example',
    });
    expect(env.OIDC_PROVIDERS[0]?.issuer).toBe('https://accounts.google.com');
    expect(env.CORS_ORIGINS).toEqual(['chrome-extension://a', 'https://b.example']);
  });

  it('keeps a generated signing key in the data folder across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidedesk-'));
    const first = loadSigningKey({ DATA_DIR: dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadSigningKey({ DATA_DIR: dir })).toEqual(first);
    expect(loadSigningKey({ DATA_DIR: dir, JWT_SECRET: 'x'.repeat(32) })).not.toEqual(first);
  });
});
