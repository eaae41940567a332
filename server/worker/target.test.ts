import { describe, expect, it } from 'vitest';
import { testTarget } from './target';

const server = 'postgres://postgres@127.0.0.1:5432/test';

describe('test database prefix', () => {
  it('selects the named database and strips the prefix, query included', () => {
    const target = testTarget(
      new Request('http://127.0.0.1:9/__db/sidedesk_t_0123456789ab/v1/live?ticket=t', {
        headers: { authorization: 'Bearer x' },
      }),
      server,
    );
    expect(target?.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/sidedesk_t_0123456789ab');
    expect(target?.request.url).toBe('http://127.0.0.1:9/v1/live?ticket=t');
    expect(target?.request.headers.get('authorization')).toBe('Bearer x');
  });

  it('reaches no database without the prefix, or with a name that is not a test database', () => {
    expect(testTarget(new Request('http://127.0.0.1:9/v1/me'), server)).toBeNull();
    expect(testTarget(new Request('http://127.0.0.1:9/__db/postgres/v1/me'), server)).toBeNull();
  });
});
