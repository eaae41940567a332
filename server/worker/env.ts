import { z } from 'zod';
import { type Env, EnvSchema } from '../env';

/** What the worker needs beyond the Node server's variables. */
const WorkerExtras = z
  .object({
    NODE_ENV: z.string().default('development'),
    DATABASE_URL: z.string({ error: 'is required on the worker (a postgres:// URL)' }),
    JWT_SECRET: z.string({
      error: 'is required on the worker (it has no data folder to keep a key in)',
    }),
    /** Tests only: `/__db/<name>/…` selects a database of the DATABASE_URL server. */
    TEST_DATABASE_PREFIX: z
      .enum(['true', 'false', '1', '0', ''])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    TEST_CLOCK: z
      .enum(['false', '0', ''], {
        error: 'is not supported on the worker: each isolate has its own clock',
      })
      .optional(),
    PUBSUB: z
      .undefined({
        error: 'is not used on the worker: pokes go through the LiveRoom Durable Object',
      })
      .optional(),
  })
  .refine((e) => !e.TEST_DATABASE_PREFIX || e.NODE_ENV === 'test', {
    message:
      'TEST_DATABASE_PREFIX lets a request pick any database and is allowed only when NODE_ENV=test',
    path: ['TEST_DATABASE_PREFIX'],
  });

export type WorkerEnv = Env & {
  DATABASE_URL: string;
  JWT_SECRET: string;
  TEST_DATABASE_PREFIX: boolean;
  /** PUBLIC_URL when set (Env's falls back to HOST and PORT, which a worker does not have). */
  explicitPublicUrl: string | undefined;
};

export type WorkerEnvResult =
  | { ok: true; env: WorkerEnv }
  | { ok: false; issues: { path: string; message: string }[] };

/** The worker's variables (string bindings only) checked as the Node server's are, plus its own. */
export function parseWorkerEnv(bindings: Record<string, unknown>): WorkerEnvResult {
  const source = Object.fromEntries(
    Object.entries(bindings).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  const base = EnvSchema.safeParse(source);
  const extras = WorkerExtras.safeParse(source);
  if (base.success && extras.success && base.data.DATABASE_URL && base.data.JWT_SECRET) {
    const { DATABASE_URL, JWT_SECRET } = base.data;
    const { TEST_DATABASE_PREFIX } = extras.data;
    const explicitPublicUrl = source.PUBLIC_URL ? base.data.PUBLIC_URL : undefined;
    return {
      ok: true,
      env: { ...base.data, DATABASE_URL, JWT_SECRET, TEST_DATABASE_PREFIX, explicitPublicUrl },
    };
  }
  const issues = [...(base.error?.issues ?? []), ...(extras.error?.issues ?? [])].map((i) => ({
    path: i.path.join('.') || 'env',
    message: i.message,
  }));
  return { ok: false, issues: dedupe(issues) };
}

const dedupe = <T extends { path: string }>(issues: T[]) =>
  issues.filter((issue, i) => issues.findIndex((other) => other.path === issue.path) === i);
