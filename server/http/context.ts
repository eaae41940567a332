import type { Context } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { Role } from '../../lib/schema';
import type { OidcVerifier } from '../auth/oidc';
import type { Identity, Tokens } from '../auth/tokens';
import type { Database } from '../db/open';
import type { WebhookConfig } from '../sla/webhook';

/** Everything the app needs from outside; tests build it with a fresh database. */
export type Deps = {
  database: Database;
  tokens: Tokens;
  oidc: OidcVerifier;
  devSignIn: boolean;
  corsOrigins: string[];
  /** Where customers reach the API (PUBLIC_URL); absent: the origin a request came to. */
  publicUrl?: string;
  now: () => Date;
  /** TEST_CLOCK only: how far `now` is ahead of the real clock, moved by PUT /__test/clock. */
  testClock?: { offsetMs: number };
  sla: {
    /** The scheduler's bearer token for POST /v1/sla/sweep; null = admins only. */
    sweepSecret: string | null;
    webhook: WebhookConfig;
  };
  /** Requests a minute per member and per client address (docs/security.md); 0 = no limit. */
  rateLimits: { perMember: number; perIp: number };
  /** Behind a proxy: the client and the scheme come from its X-Forwarded-For and -Proto. */
  trustProxy: boolean;
  /** The address of the peer as the runtime sees it (Node: the socket's); absent if unknown. */
  peerAddress?: (c: Context) => string | undefined;
  /** Present when served by Node with WebSockets injected; absent under `app.request()`. */
  upgradeWebSocket?: UpgradeWebSocket;
};

/** The member behind a member token, as loaded from the database on this request. */
export type CurrentMember = {
  id: string;
  workspaceId: string;
  role: Role;
  email: string;
  name: string;
};

export type AppEnv = { Variables: { member: CurrentMember; identity: Identity } };
