import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { cameOverHttps } from '../http/client';
import type { Deps } from '../http/context';

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Hardening headers on every response (docs/security.md). Headers a route set itself win,
 * so the rating pages keep their stricter policy. HSTS only over https: sent over plain
 * http it would be ignored at best, and would pin a local http deployment at worst.
 */
export const securityHeaders = (deps: Deps): MiddlewareHandler => {
  const common = secureHeaders({
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
    overwrite: false,
  });
  return async (c, next) => {
    await common(c, next);
    if (cameOverHttps(c, deps)) c.header('Strict-Transport-Security', HSTS);
  };
};
