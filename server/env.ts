import { z } from 'zod';
import { EXTENSION_ORIGIN } from '../lib/extension-identity';
import type { PubSub } from './live/pubsub';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

export const OidcProviderConfig = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes'),
  name: z.string().min(1),
  issuer: z.url(),
  clientId: z.string().min(1),
});
export type OidcProviderConfig = z.infer<typeof OidcProviderConfig>;

const jsonList = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.array(item));

export const EnvSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    DATA_DIR: z.string().min(1).default('./data'),
    JWT_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    DEV_SIGN_IN: flag,
    OIDC_PROVIDERS: jsonList(OidcProviderConfig),
    CORS_ORIGINS: z
      .string()
      .default(EXTENSION_ORIGIN)
      .transform((s) =>
        s
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    /** How often the Node server sweeps SLAs; 0 = never (a scheduler calls POST /v1/sla/sweep). */
    SLA_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
    /** A bearer token that lets a scheduler call POST /v1/sla/sweep for every workspace. */
    SLA_SWEEP_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Attempts per webhook delivery before it is given up. */
    SLA_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
    /** Requests a minute per member, whichever of their tokens (docs/security.md); 0 = no limit. */
    RATE_LIMIT_MEMBER_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).optional(),
    /** Requests a minute per client address without a member token; 0 = no limit. */
    RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).optional(),
    /** Behind a proxy: the client is the first X-Forwarded-For hop, https the X-Forwarded-Proto. */
    TRUST_PROXY: flag,
    /** How instances hear each other's writes (docs/deploy.md); see the defaults below. */
    PUBSUB: z.enum(['postgres', 'redis', 'memory']).optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/[^\s]+$/, 'must be a redis:// or rediss:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** One channel per deployment, so deployments sharing a Redis never hear each other. */
    REDIS_CHANNEL: z
      .string()
      .regex(/^[\w:.-]{1,100}$/, 'letters, digits and _ : . -')
      .default('sidedesk:poke'),
    /** End-to-end tests only: the API's clock can be moved with PUT /__test/clock. */
    TEST_CLOCK: flag,
    /** Where customers reach the API (rating links in emails); by default http://HOST:PORT. */
    PUBLIC_URL: z
      .string()
      .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'must be an http:// or https:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .refine((e) => !(e.DEV_SIGN_IN && e.NODE_ENV === 'production'), {
    message: 'DEV_SIGN_IN trusts any email and is refused when NODE_ENV=production',
    path: ['DEV_SIGN_IN'],
  })
  .refine((e) => e.PUBSUB !== 'redis' || e.REDIS_URL, {
    message: 'PUBSUB=redis needs REDIS_URL (redis://host:6379 or rediss://…)',
    path: ['REDIS_URL'],
  })
  // The embedded database is one process's: no other instance can share it, so there is
  // nobody to tell through Postgres or Redis.
  .refine((e) => e.PUBSUB === undefined || e.PUBSUB === 'memory' || e.DATABASE_URL, {
    message:
      'PUBSUB=postgres or redis is for several instances on one Postgres and needs DATABASE_URL; the embedded database serves one process (PUBSUB=memory)',
    path: ['PUBSUB'],
  })
  .refine((e) => !e.TEST_CLOCK || e.NODE_ENV === 'test', {
    message: 'TEST_CLOCK lets anyone move the clock and is allowed only when NODE_ENV=test',
    path: ['TEST_CLOCK'],
  })
  .transform((e) => ({
    ...e,
    // Tests never sweep on a timer: they call the sweep with the clock they want.
    SLA_SWEEP_INTERVAL_SECONDS: e.SLA_SWEEP_INTERVAL_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 60),
    // Tests are never throttled unless they ask: a suite makes hundreds of requests a minute.
    RATE_LIMIT_MEMBER_PER_MINUTE:
      e.RATE_LIMIT_MEMBER_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 0 : 600),
    RATE_LIMIT_IP_PER_MINUTE: e.RATE_LIMIT_IP_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 0 : 120),
    PUBSUB: pubsubOf(e),
    PUBLIC_URL:
      e.PUBLIC_URL?.replace(/\/+$/, '') ??
      `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
  }));

function pubsubOf(e: {
  PUBSUB?: PubSub['kind'];
  DATABASE_URL?: string;
  REDIS_URL?: string;
  REDIS_CHANNEL: string;
}): PubSub {
  const kind = e.PUBSUB ?? (e.DATABASE_URL ? 'postgres' : 'memory');
  return kind === 'redis' ? { kind, url: e.REDIS_URL!, channel: e.REDIS_CHANNEL } : { kind };
}

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Reads the environment once at start; a bad value stops the server with every problem listed. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'env'}: ${i.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
}
