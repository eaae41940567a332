import type { Context, MiddlewareHandler } from 'hono';
import { countRequest, windowAt } from '../domain/rate-limit-windows';
import { clientAddress } from '../http/client';
import type { AppEnv, Deps } from '../http/context';
import { ApiFailure } from '../http/errors';
import { bearerToken } from './auth';

/** Load balancers poll them; throttling them would take a healthy instance out of rotation. */
const UNLIMITED = new Set(['/healthz', '/healthz/', '/livez', '/livez/']);

/** Whom a request counts against: its member (any of their tokens), else its address. */
async function bucketOf(c: Context, deps: Deps): Promise<{ key: string; limit: number } | null> {
  const { perMember, perIp } = deps.rateLimits;
  const token = bearerToken(c);
  if (token) {
    const verified = await deps.tokens.verify(token);
    if (verified.ok && verified.principal.kind === 'member')
      return perMember > 0
        ? { key: `member:${verified.principal.memberId}`, limit: perMember }
        : null;
  }
  const address = perIp > 0 ? clientAddress(c, deps) : undefined;
  return address ? { key: `ip:${address}`, limit: perIp } : null;
}

/**
 * Fixed one-minute windows counted in the database, so every instance shares them
 * (docs/security.md). Past the limit: 429 `rate_limited` with Retry-After in seconds.
 */
export const rateLimit = (deps: Deps): MiddlewareHandler<AppEnv> => {
  const { perMember, perIp } = deps.rateLimits;
  if (perMember === 0 && perIp === 0) return (_c, next) => next();
  return async (c, next) => {
    const bucket = UNLIMITED.has(c.req.path) ? null : await bucketOf(c, deps);
    if (bucket) {
      const window = windowAt(deps.now());
      const count = await countRequest(deps.database.db, bucket.key, window.start);
      if (count > bucket.limit) {
        const failure = new ApiFailure(
          429,
          'rate_limited',
          `Too many requests: at most ${bucket.limit} a minute; try again in ${window.secondsLeft} s`,
        );
        return c.json(failure.body(), 429, { 'Retry-After': String(window.secondsLeft) });
      }
    }
    await next();
  };
};
