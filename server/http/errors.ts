import type { ApiError } from '../../lib/schema';

export type ErrorCode =
  | 'invalid_body'
  | 'invalid_query'
  | 'unauthorized'
  | 'token_expired'
  | 'token_revoked'
  | 'member_inactive'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'upgrade_required'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

type Issues = NonNullable<ApiError['error']['issues']>;

/** Thrown anywhere in a request; the error middleware turns it into the documented shape. */
export class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 426 | 429 | 500 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issues,
    /** Extra fields beside `error`, e.g. the current record with a 409. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  body() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues && { issues: this.issues }),
      },
      ...this.extra,
    };
  }
}

export const notFound = (what: string) => new ApiFailure(404, 'not_found', `${what} not found`);
export const forbidden = (message: string) => new ApiFailure(403, 'forbidden', message);
export const unauthorized = (message: string) => new ApiFailure(401, 'unauthorized', message);
