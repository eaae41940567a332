import { loadSigningKey } from './auth/keys';
import { OidcVerifier } from './auth/oidc';
import { Tokens } from './auth/tokens';
import type { Database } from './db/open';
import type { Env } from './env';
import type { Deps } from './http/context';

const WEBHOOK_TIMEOUT_MS = 10_000;

export function depsFromEnv(env: Env, database: Database): Omit<Deps, 'upgradeWebSocket'> {
  const testClock = env.TEST_CLOCK ? { offsetMs: 0 } : undefined;
  const now = testClock ? () => new Date(Date.now() + testClock.offsetMs) : () => new Date();
  return {
    database,
    tokens: new Tokens(loadSigningKey(env), now),
    oidc: new OidcVerifier(env.OIDC_PROVIDERS),
    devSignIn: env.DEV_SIGN_IN,
    corsOrigins: env.CORS_ORIGINS,
    rateLimits: {
      perMember: env.RATE_LIMIT_MEMBER_PER_MINUTE,
      perIp: env.RATE_LIMIT_IP_PER_MINUTE,
    },
    trustProxy: env.TRUST_PROXY,
    publicUrl: env.PUBLIC_URL,
    now,
    ...(testClock && { testClock }),
    sla: {
      sweepSecret: env.SLA_SWEEP_SECRET ?? null,
      webhook: {
        maxAttempts: env.SLA_WEBHOOK_MAX_ATTEMPTS,
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        fetch: (input, init) => fetch(input, init),
        random: Math.random,
      },
    },
  };
}
