import type { TestServer, TestSession } from './test-server';

// biome-ignore lint/suspicious/noExplicitAny: replies are read loosely here; the tests assert their shapes
type Loose = any;

export type Reply<T = Loose> = { status: number; body: T };

/** A tiny JSON client over `server.request()` for one member (or nobody). */
export function client(server: TestServer, who: TestSession | null) {
  const call = async <T = Loose>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Reply<T>> => {
    const res = await server.request(path, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(who && { authorization: `Bearer ${who.token}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    get: <T = Loose>(path: string) => call<T>('GET', path),
    post: <T = Loose>(path: string, body?: unknown) => call<T>('POST', path, body),
    patch: <T = Loose>(path: string, body: unknown) => call<T>('PATCH', path, body),
    put: <T = Loose>(path: string, body: unknown) => call<T>('PUT', path, body),
    delete: <T = Loose>(path: string) => call<T>('DELETE', path),
  };
}
