import { z } from 'zod';
import { EXTENSION_ORIGIN } from '../lib/extension-identity';

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

const EnvSchema = z
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
  .refine((e) => !e.TEST_CLOCK || e.NODE_ENV === 'test', {
    message: 'TEST_CLOCK lets anyone move the clock and is allowed only when NODE_ENV=test',
    path: ['TEST_CLOCK'],
  })
  .transform((e) => ({
    ...e,
    // Tests never sweep on a timer: they call the sweep with the clock they want.
    SLA_SWEEP_INTERVAL_SECONDS: e.SLA_SWEEP_INTERVAL_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 60),
    PUBLIC_URL:
      e.PUBLIC_URL?.replace(/\/+$/, '') ??
      `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
  }));

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
