import { loadSigningKey } from './auth/keys';
import { OidcVerifier } from './auth/oidc';
import { Tokens } from './auth/tokens';
import type { Database } from './db/open';
import type { Env } from './env';
import type { Deps } from './http/context';

export function depsFromEnv(env: Env, database: Database): Omit<Deps, 'upgradeWebSocket'> {
  const now = () => new Date();
  return {
    database,
    tokens: new Tokens(loadSigningKey(env), now),
    oidc: new OidcVerifier(env.OIDC_PROVIDERS),
    devSignIn: env.DEV_SIGN_IN,
    corsOrigins: env.CORS_ORIGINS,
    now,
  };
}
