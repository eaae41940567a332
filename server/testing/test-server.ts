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
 * `signIn(email, role = 'admin', { workspace = 'Test workspace', name })` makes the
 * member (creating the workspace on first use) and returns their Session (`token`,
 * `workspace`, `member`) plus `headers` for fetch and an `identityToken`. Signing in an
 * existing member again returns a new token for them.
 */

import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { EXTENSION_ORIGIN } from '../../lib/extension-identity';
import type { Role, Session } from '../../lib/schema';
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
import { pglite, postgresAt, type TestDatabase } from './databases';

export type TestServerOptions = {
  database?: 'pglite' | 'postgres' | TestDatabase;
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

function pickDatabase(choice: TestServerOptions['database']): TestDatabase {
  if (choice === undefined || choice === 'pglite') return pglite;
  if (choice !== 'postgres') return choice;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("startTestServer({ database: 'postgres' }) needs DATABASE_URL");
  return postgresAt(url);
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await pickDatabase(options.database).open();
  const now = options.now ?? (() => new Date());
  const tokens = new Tokens(randomBytes(32), now);
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
  const running = await serveApp(deps, { port: 0, hostname: '127.0.0.1' });
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
