import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { databaseUnavailable, onError } from './errors';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });
/** How Drizzle wraps a driver's error: the Postgres code is on the cause. */
const wrapped = (cause: Error) => new Error('Failed query: select 1', { cause });

describe('errors the database causes', () => {
  it.each([
    ['too many clients', withCode('53300')],
    ['shutting down', withCode('57P01')],
    ['starting up', withCode('57P03')],
    ['refused', withCode('ECONNREFUSED')],
    ['closed mid-query', withCode('CONNECTION_CLOSED')],
  ])('%s is a moment of unavailability', (_, error) => {
    expect(databaseUnavailable(error)).toBe(true);
    expect(databaseUnavailable(wrapped(error))).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['a plain bug', new TypeError('x is undefined')],
  ])('%s is not', (_, error) => {
    expect(databaseUnavailable(wrapped(error))).toBe(false);
  });

  const app = (error: Error) =>
    new Hono().onError(onError).get('/', () => {
      throw error;
    });

  it('answers 503 with Retry-After, so clients retry, instead of a 500', async () => {
    const res = await app(wrapped(withCode('53300', 'sorry, too many clients already'))).request(
      '/',
    );
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({
      error: { code: 'unavailable', message: 'The database is busy or restarting: retry' },
    });
  });

  it('keeps a 500 for our own faults', async () => {
    const res = await app(new TypeError('x is undefined')).request('/');
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { code: 'internal' } });
  });
});
