import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiFailure } from '../http/errors';

/** Any thrown error becomes the documented shape; only our own faults are a 500. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiFailure) return c.json(err.body(), err.status);
  if (err instanceof HTTPException && err.status < 500) {
    const failure =
      err.status === 400
        ? new ApiFailure(400, 'invalid_body', err.message || 'Invalid request')
        : err.status === 401
          ? new ApiFailure(401, 'unauthorized', err.message || 'Unauthorized')
          : err.status === 413
            ? tooLarge()
            : new ApiFailure(400, 'invalid_body', err.message || 'Invalid request');
    return c.json(failure.body(), failure.status);
  }
  console.error(`${c.req.method} ${c.req.path} failed`, err);
  if (databaseUnavailable(err)) {
    c.header('Retry-After', '1');
    const failure = new ApiFailure(503, 'unavailable', 'The database is busy or restarting: retry');
    return c.json(failure.body(), 503);
  }
  return c.json(new ApiFailure(500, 'internal', 'Something went wrong on our side').body(), 500);
};

/**
 * Postgres refusing or dropping connections (too many clients, shutting down, starting up)
 * or unreachable: not a fault of the request, and over in a moment, so worth a retry.
 */
const UNAVAILABLE = new Set([
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  'ECONNREFUSED',
  'ECONNRESET',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

export function databaseUnavailable(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE.has(code)) return true;
  }
  return false;
}

export const onNotFound: NotFoundHandler = (c) =>
  c.json(new ApiFailure(404, 'not_found', `No route ${c.req.method} ${c.req.path}`).body(), 404);

const tooLarge = () =>
  new ApiFailure(413, 'payload_too_large', 'The request body is larger than 1 MB');

export const onBodyTooLarge = (c: Context) => c.json(tooLarge().body(), 413);

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** A body in anything but JSON is refused before a route reads it. */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
    const type = c.req.header('content-type')?.split(';')[0]?.trim() ?? '';
    const length = c.req.header('content-length');
    // Without a length header (chunked, or an in-process request) the stream tells.
    const hasBody = length === undefined ? c.req.raw.body !== null : length !== '0';
    if (hasBody && !JSON_TYPE.test(type))
      throw new ApiFailure(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  await next();
};
