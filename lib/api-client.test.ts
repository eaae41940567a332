import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-client';

describe('ApiRequestError', () => {
  it('is worth retrying when the server was unreachable, failing or throttling', () => {
    const retryable = (status: number) => new ApiRequestError(status, 'x', 'x').retryable;
    expect([0, 429, 500, 503].map(retryable)).toEqual([true, true, true, true]);
    expect([400, 401, 403, 409, 413].map(retryable)).toEqual([false, false, false, false, false]);
  });
});
