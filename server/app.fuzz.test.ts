import { fc, it } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { ROUTE_DOCS } from './openapi/routes';
import { testDatabases } from './testing/databases';
import { startTestServer, type TestServer, type TestSession } from './testing/test-server';

const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc
    .record({
      clientId: fc.oneof(fc.uuid(), fc.string()),
      cursor: fc.oneof(fc.integer(), fc.double(), fc.string()),
      limit: fc.oneof(fc.integer(), fc.constant(null)),
      mutations: fc.array(
        fc.record({
          id: fc.oneof(fc.integer(), fc.string()),
          name: fc.oneof(
            fc.constantFrom('conversation.assign', 'note.add', 'conversation.upsert'),
            fc.string(),
          ),
          args: fc.jsonValue(),
          ts: fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.string(),
          ),
        }),
        { maxLength: 3 },
      ),
    })
    .map((v) => JSON.stringify(v)),
);
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  undefined,
  'application/x-www-form-urlencoded',
);
const param = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 80 }),
  fc.constantFrom('toString', '__proto__', 'constructor', '..', '%00'),
);
const query = fc.dictionary(
  fc.constantFrom('page', 'limit', 'ticket', 'x'),
  fc.string({ maxLength: 60 }),
  { maxKeys: 3 },
);

const SIGNS_OUT_CALLER = 'POST /v1/auth/sign-out-everywhere';

for (const target of testDatabases()) {
  describe(`arbitrary input never gets a 5xx [${target.name}]`, () => {
    let server: TestServer;
    let admin: TestSession;

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      admin = await server.signIn('ada@acme.test');
    });
    afterAll(() => server?.close());

    const token = fc.oneof(
      fc.constant(undefined),
      fc.constant('admin'),
      fc.string({ maxLength: 100 }),
      fc.constantFrom('Bearer ', 'Bearer a.b.c', 'Basic Zm9vOmJhcg=='),
    );

    for (const route of Object.keys(ROUTE_DOCS)) {
      const [method, path] = route.split(' ') as [string, string];
      it.prop([param, query, body, contentType, token], { numRuns: 15 })(
        route,
        async (p, q, b, type, auth) => {
          const url = `${path.replace(/:\w+/g, encodeURIComponent(p))}?${new URLSearchParams(q)}`;
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          // Signing out everywhere revokes the caller: a token of its own keeps admin's valid.
          const caller = route === SIGNS_OUT_CALLER ? await server.signIn('rex@acme.test') : admin;
          if (auth === 'admin') headers.authorization = `Bearer ${caller.token}`;
          else if (auth !== undefined) headers.authorization = auth;
          const res = await server.app.request(url, {
            method,
            headers,
            ...(method !== 'GET' && b !== undefined && { body: b }),
          });
          expect(res.status).toBeLessThan(500);
          // The customer's rating pages refuse with a page; the API with its JSON error.
          if (res.status >= 400 && res.headers.get('content-type')?.startsWith('text/html')) {
            expect(await res.text()).toMatch(/<title>[^<]+<\/title>/);
          } else if (res.status >= 400) {
            const json = (await res.json()) as { error: { code: string; message: string } };
            expect(typeof json.error.code).toBe('string');
            expect(json.error.message.length).toBeGreaterThan(0);
          }
        },
      );
    }
  });
}
