/**
 * The real API on 127.0.0.1, a free port and a fresh database, for tests in this repo
 * (server tests, the extension's sync-engine tests, end-to-end tests).
 *
 *   const server = await startTestServer();            // PGlite in memory
 *   const ada = await server.signIn('ada@acme.test');  // creates "Test workspace"; ada is admin
 *   const bo = await server.signIn('bo@acme.test', 'agent');
 *   await fetch(`${server.url}/v1/pull`, { method: 'POST', headers: bo.headers, body });
 *   new WebSocket(`${server.wsUrl}/v1/live?ticket=…`);
 *   await server.close();
 *
 * Options: `database` ('pglite' default, 'postgres' = a new database on DATABASE_URL, or a
 * TestDatabase from testDatabases()), `devSignIn` (default true), `oidcProviders`,
 * `corsOrigins`, `now` (a clock for expiry tests), `slaSweepSecret` (the scheduler's token for
 * POST /v1/sla/sweep), `webhook` (how SLA webhook deliveries go out: fetch, random, attempts),
 * `rateLimits` (`perMember`, `perIp`: off unless given) and `trustProxy`.
 *
 * The worker target (testTargets(), server/testing/worker-target.ts) answers at the shared
 * `wrangler dev` under `/__db/<this database>`; `database` and `app` are the same database in
 * process (fixtures, `app.request`), and tokens are signed with the worker's key. It takes
 * none of the options that configure the server (the worker starts once per run): they throw.
 *
 * `signIn(email, role = 'admin', { workspace = 'Test workspace', name })` makes the
 * member (creating the workspace on first use) and returns their Session (`token`,
 * `workspace`, `member`) plus `headers` for fetch and an `identityToken`. Signing in an
 * existing member again returns a new token for them.
 */

import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { EXTENSION_ORIGIN } from '../../lib/extension-identity';
import type { Role, Session } from '../../lib/schema';
import { createApp } from '../app';
import { OidcVerifier } from '../auth/oidc';
import { Tokens } from '../auth/tokens';
import type { Database } from '../db/open';
import { members, workspaces } from '../db/schema';
import { addMember, createWorkspace, sessionFor } from '../domain/workspaces';
import { write } from '../domain/write';
import type { OidcProviderConfig } from '../env';
import type { Deps } from '../http/context';
import { serveApp } from '../serve';
import type { WebhookConfig } from '../sla/webhook';
import { pglite, postgresAt, type TestTarget } from './databases';
import { TEST_WORKER_VARS } from './worker';

export type TestServerOptions = {
  database?: 'pglite' | 'postgres' | TestTarget;
  devSignIn?: boolean;
  oidcProviders?: OidcProviderConfig[];
  corsOrigins?: string[];
  now?: () => Date;
  slaSweepSecret?: string;
  webhook?: Partial<WebhookConfig>;
  /** Requests a minute per member and per address; both off (0) unless a test asks. */
  rateLimits?: Partial<Deps['rateLimits']>;
  trustProxy?: boolean;
};

export type TestSession = Session & {
  identityToken: string;
  headers: { authorization: string; 'content-type': 'application/json' };
};

export type TestServer = {
  url: string;
  wsUrl: string;
  app: Awaited<ReturnType<typeof serveApp>>['app'];
  /** A request to the API under test: `app.request()` in process, over HTTP on the worker target. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** `url` is set on Postgres, for tests that open connections of their own. */
  database: Database & { url?: string };
  tokens: Tokens;
  /** What the app was built from (for code that takes Deps, like the seed). */
  deps: Omit<Deps, 'upgradeWebSocket'>;
  signIn(
    email: string,
    role?: Role,
    opts?: { workspace?: string; name?: string },
  ): Promise<TestSession>;
  close(): Promise<void>;
};

function pickDatabase(choice: TestServerOptions['database']): TestTarget {
  if (choice === undefined || choice === 'pglite') return pglite;
  if (choice !== 'postgres') return choice;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("startTestServer({ database: 'postgres' }) needs DATABASE_URL");
  return postgresAt(url);
}

/** What a worker started once per run cannot vary per test file. */
const SERVER_OPTIONS = [
  'devSignIn',
  'oidcProviders',
  'corsOrigins',
  'now',
  'slaSweepSecret',
  'webhook',
  'rateLimits',
  'trustProxy',
] as const;

function refuseServerOptions(options: TestServerOptions) {
  const given = SERVER_OPTIONS.filter((o) => options[o] !== undefined);
  if (given.length)
    throw new Error(
      `The worker target cannot take ${given.join(', ')}: its worker serves the whole run with fixed variables`,
    );
}

/** The worker's path to this database (server/worker/target.ts). */
function workerPrefix(database: { url?: string }) {
  if (!database.url) throw new Error('The worker target needs a Postgres database');
  return `/__db${new URL(database.url).pathname}`;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const target = pickDatabase(options.database);
  const workerUrl = target.name === 'worker' ? target.workerUrl : undefined;
  if (workerUrl) refuseServerOptions(options);
  const database = await target.open();
  const now = options.now ?? (() => new Date());
  const key = workerUrl ? new TextEncoder().encode(TEST_WORKER_VARS.JWT_SECRET) : randomBytes(32);
  const tokens = new Tokens(key, now);
  const deps = {
    database,
    tokens,
    oidc: new OidcVerifier(options.oidcProviders ?? []),
    devSignIn: options.devSignIn ?? true,
    corsOrigins: options.corsOrigins ?? [EXTENSION_ORIGIN],
    rateLimits: { perMember: 0, perIp: 0, ...options.rateLimits },
    trustProxy: options.trustProxy ?? false,
    now,
    sla: {
      sweepSecret: options.slaSweepSecret ?? null,
      webhook: {
        maxAttempts: 5,
        timeoutMs: 2_000,
        fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
        random: Math.random,
        ...options.webhook,
      },
    },
  };
  const running = workerUrl
    ? {
        url: `${workerUrl}${workerPrefix(database)}`,
        app: createApp(deps),
        close: async () => {},
      }
    : await serveApp(deps, { port: 0, hostname: '127.0.0.1' });
  const { db } = database;

  async function signIn(
    email: string,
    role: Role = 'admin',
    opts: { workspace?: string; name?: string } = {},
  ): Promise<TestSession> {
    const workspaceName = opts.workspace ?? 'Test workspace';
    const person = { email: email.toLowerCase(), name: opts.name ?? email.split('@')[0]!, role };
    const [ws] = await db.select().from(workspaces).where(eq(workspaces.name, workspaceName));
    let memberId: string;
    if (!ws) {
      memberId = (await createWorkspace(db, workspaceName, person, now())).member.id;
    } else {
      const [existing] = await db
        .select({ id: members.id, status: members.status })
        .from(members)
        .where(and(eq(members.workspaceId, ws.id), eq(members.email, person.email)));
      memberId =
        existing?.status === 'active'
          ? existing.id
          : (await write(database, ws.id, null, now(), (w) => addMember(w, person))).id;
    }
    const session = await sessionFor(db, tokens, memberId);
    const { token: identityToken } = await tokens.identity(person.email, person.name);
    return {
      ...session,
      identityToken,
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    };
  }

  return {
    url: running.url,
    wsUrl: running.url.replace(/^http/, 'ws'),
    app: running.app,
    request: async (path, init) =>
      workerUrl ? fetch(`${running.url}${path}`, init) : running.app.request(path, init),
    database,
    tokens,
    deps,
    signIn,
    close: async () => {
      await running.close();
      await database.close();
    },
  };
}
