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

  it('sweeps SLAs every minute unless told otherwise, and never on its own in tests', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ SLA_SWEEP_INTERVAL_SECONDS: 60, SLA_WEBHOOK_MAX_ATTEMPTS: 10 });
    expect(env.SLA_SWEEP_SECRET).toBeUndefined();
    expect(loadEnv({ NODE_ENV: 'test' }).SLA_SWEEP_INTERVAL_SECONDS).toBe(0);
    expect(
      loadEnv({
        SLA_SWEEP_INTERVAL_SECONDS: '0',
        SLA_SWEEP_SECRET: 'k'.repeat(32),
        SLA_WEBHOOK_MAX_ATTEMPTS: '3',
      }),
    ).toMatchObject({
      SLA_SWEEP_INTERVAL_SECONDS: 0,
      SLA_SWEEP_SECRET: 'k'.repeat(32),
      SLA_WEBHOOK_MAX_ATTEMPTS: 3,
    });
    expect(() =>
      loadEnv({
        SLA_SWEEP_INTERVAL_SECONDS: '-1',
        SLA_SWEEP_SECRET: 'short',
        SLA_WEBHOOK_MAX_ATTEMPTS: '0',
      }),
    ).toThrow(
      /SLA_SWEEP_INTERVAL_SECONDS[\s\S]*SLA_SWEEP_SECRET: must be at least 32[\s\S]*SLA_WEBHOOK_MAX_ATTEMPTS/,
    );
  });

  it('limits requests a minute per member and per address, never in tests unless asked', () => {
    expect(loadEnv({})).toMatchObject({
      RATE_LIMIT_MEMBER_PER_MINUTE: 600,
      RATE_LIMIT_IP_PER_MINUTE: 120,
      TRUST_PROXY: false,
    });
    expect(loadEnv({ NODE_ENV: 'test' })).toMatchObject({
      RATE_LIMIT_MEMBER_PER_MINUTE: 0,
      RATE_LIMIT_IP_PER_MINUTE: 0,
    });
    expect(
      loadEnv({
        NODE_ENV: 'test',
        RATE_LIMIT_MEMBER_PER_MINUTE: '30',
        RATE_LIMIT_IP_PER_MINUTE: '0',
        TRUST_PROXY: 'true',
      }),
    ).toMatchObject({
      RATE_LIMIT_MEMBER_PER_MINUTE: 30,
      RATE_LIMIT_IP_PER_MINUTE: 0,
      TRUST_PROXY: true,
    });
    expect(() =>
      loadEnv({
        RATE_LIMIT_MEMBER_PER_MINUTE: '-1',
        RATE_LIMIT_IP_PER_MINUTE: 'lots',
        TRUST_PROXY: 'yes',
      }),
    ).toThrow(/RATE_LIMIT_MEMBER_PER_MINUTE[\s\S]*RATE_LIMIT_IP_PER_MINUTE[\s\S]*TRUST_PROXY/);
  });

  it('gives rating links the public URL, by default the address it listens on', () => {
    expect(loadEnv({}).PUBLIC_URL).toBe('http://127.0.0.1:8787');
    expect(loadEnv({ HOST: '::1', PORT: '9000' }).PUBLIC_URL).toBe('http://[::1]:9000');
    expect(loadEnv({ PUBLIC_URL: 'https://desk.acme.test/' }).PUBLIC_URL).toBe(
      'https://desk.acme.test',
    );
    expect(() => loadEnv({ PUBLIC_URL: 'ftp://desk.acme.test' })).toThrow(
      'PUBLIC_URL: must be an http:// or https:// URL',
    );
    expect(() => loadEnv({ PUBLIC_URL: 'desk' })).toThrow('PUBLIC_URL');
  });

  it('chooses how instances hear each other: Postgres with DATABASE_URL, else memory, or Redis', () => {
    const pg = 'postgres://postgres@127.0.0.1:5432/test';
    expect(loadEnv({}).PUBSUB).toEqual({ kind: 'memory' });
    expect(loadEnv({ DATABASE_URL: pg }).PUBSUB).toEqual({ kind: 'postgres' });
    expect(loadEnv({ DATABASE_URL: pg, PUBSUB: 'memory' }).PUBSUB).toEqual({ kind: 'memory' });
    expect(
      loadEnv({ DATABASE_URL: pg, PUBSUB: 'redis', REDIS_URL: 'redis://127.0.0.1:6379' }).PUBSUB,
    ).toEqual({ kind: 'redis', url: 'redis://127.0.0.1:6379', channel: 'sidedesk:poke' });
    expect(
      loadEnv({
        DATABASE_URL: pg,
        PUBSUB: 'redis',
        REDIS_URL: 'rediss://:secret@cache.acme.test:6380/0',
        REDIS_CHANNEL: 'sidedesk:staging',
      }).PUBSUB,
    ).toMatchObject({ channel: 'sidedesk:staging' });
    expect(() => loadEnv({ DATABASE_URL: pg, PUBSUB: 'redis' })).toThrow(
      'REDIS_URL: PUBSUB=redis needs REDIS_URL',
    );
    expect(() => loadEnv({ PUBSUB: 'redis', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      'PUBSUB: PUBSUB=postgres or redis is for several instances on one Postgres and needs DATABASE_URL',
    );
    expect(() => loadEnv({ PUBSUB: 'postgres' })).toThrow('needs DATABASE_URL');
    expect(() =>
      loadEnv({ PUBSUB: 'nats', REDIS_URL: 'http://x', REDIS_CHANNEL: 'two words' }),
    ).toThrow(
      /PUBSUB[\s\S]*REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL[\s\S]*REDIS_CHANNEL/,
    );
  });

  it('keeps a generated signing key in the data folder across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidedesk-'));
    const first = loadSigningKey({ DATA_DIR: dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadSigningKey({ DATA_DIR: dir })).toEqual(first);
    expect(loadSigningKey({ DATA_DIR: dir, JWT_SECRET: 'x'.repeat(32) })).not.toEqual(first);
  });
});
