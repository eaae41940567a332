import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_ORIGIN } from '../../lib/extension-identity';
import { ApiError } from '../../lib/schema';
import { openDatabase } from '../db/open';
import { rateLimits } from '../db/schema';
import { scheduledSweep } from '../sla/sweeper';
import { postgresAt, testDatabases } from '../testing/databases';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

const PER_MEMBER = 3;
const PER_IP = 2;

/** Fetches over a real socket, so the limit sees the peer's address. */
const get = (server: TestServer, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });

async function expectLimited(res: Response, retryAfter: number) {
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe(String(retryAfter));
  const body = ApiError.parse(await res.json());
  expect(body.error.code).toBe('rate_limited');
}

for (const target of testDatabases()) {
  describe(`rate limits [${target.name}]`, () => {
    let server: TestServer;
    let behindProxy: TestServer;
    let clock = new Date('2026-03-02T10:00:00Z');
    let ada: TestSession;
    let bo: TestSession;

    beforeAll(async () => {
      const limits = { rateLimits: { perMember: PER_MEMBER, perIp: PER_IP }, now: () => clock };
      server = await startTestServer({ database: target, ...limits });
      behindProxy = await startTestServer({ database: target, ...limits, trustProxy: true });
      ada = await server.signIn('ada@acme.test');
      bo = await server.signIn('bo@acme.test', 'agent');
    });
    afterAll(async () => {
      await server?.close();
      await behindProxy?.close();
    });
    // Every test starts 30 s into a minute of its own.
    beforeEach(() => {
      clock = new Date((Math.floor(clock.getTime() / 60_000) + 1) * 60_000 + 30_000);
    });

    it('answers 429 with Retry-After once a member has used the minute, whichever token', async () => {
      for (let i = 0; i < PER_MEMBER; i++)
        expect((await get(server, '/v1/tags', ada.headers)).status).toBe(200);
      await expectLimited(await get(server, '/v1/tags', ada.headers), 30);
      const again = await server.signIn('ada@acme.test');
      expect(again.token).not.toBe(ada.token);
      await expectLimited(await get(server, '/v1/tags', again.headers), 30);
      expect((await get(server, '/v1/tags', bo.headers)).status).toBe(200);
    });

    it('counts down Retry-After to the end of the window, then lets the member in again', async () => {
      for (let i = 0; i < PER_MEMBER; i++) await get(server, '/v1/tags', ada.headers);
      clock = new Date(clock.getTime() + 29_500);
      await expectLimited(await get(server, '/v1/tags', ada.headers), 1);
      clock = new Date(clock.getTime() + 500);
      expect((await get(server, '/v1/tags', ada.headers)).status).toBe(200);
    });

    it('limits requests without a member token by address, members not at all by it', async () => {
      for (let i = 0; i < PER_IP; i++)
        expect((await get(server, '/v1/auth/providers')).status).toBe(200);
      await expectLimited(await get(server, '/v1/auth/providers'), 30);
      // Rating pages, identity tokens and bad tokens count against the address too.
      await expectLimited(await get(server, '/s/not-a-token'), 30);
      const identity = { authorization: `Bearer ${ada.identityToken}` };
      await expectLimited(await get(server, '/v1/workspaces', identity), 30);
      await expectLimited(await get(server, '/v1/tags', { authorization: 'Bearer forged' }), 30);
      expect((await get(server, '/v1/tags', ada.headers)).status).toBe(200);
      expect((await get(server, '/healthz')).status).toBe(200);
      expect((await get(server, '/livez')).status).toBe(200);
    });

    it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
      for (let i = 0; i < PER_IP; i++) await get(server, '/v1/auth/providers');
      const spoofed = { 'x-forwarded-for': '203.0.113.9' };
      await expectLimited(await get(server, '/v1/auth/providers', spoofed), 30);

      const first = { 'x-forwarded-for': '198.51.100.1, 10.0.0.2' };
      for (let i = 0; i < PER_IP; i++)
        expect((await get(behindProxy, '/v1/auth/providers', first)).status).toBe(200);
      await expectLimited(await get(behindProxy, '/v1/auth/providers', first), 30);
      const second = { 'x-forwarded-for': '198.51.100.2, 10.0.0.2' };
      expect((await get(behindProxy, '/v1/auth/providers', second)).status).toBe(200);
    });

    it('does not count preflights, and a 429 is readable by the extension', async () => {
      const preflight = {
        method: 'OPTIONS',
        headers: {
          origin: EXTENSION_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      };
      for (let i = 0; i < PER_MEMBER + 2; i++)
        expect((await fetch(`${server.url}/v1/push`, preflight)).status).toBe(204);
      const fromExtension = { ...ada.headers, origin: EXTENSION_ORIGIN };
      for (let i = 0; i < PER_MEMBER; i++)
        expect((await get(server, '/v1/tags', fromExtension)).status).toBe(200);
      const limited = await get(server, '/v1/tags', fromExtension);
      await expectLimited(limited, 30);
      expect(limited.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
      expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
    });

    it('keeps its counts in the database, and the scheduled sweep drops ended windows', async () => {
      await get(server, '/v1/tags', ada.headers);
      const rows = await server.database.db.select().from(rateLimits);
      expect(rows).toContainEqual({
        key: `member:${ada.member.id}`,
        windowStart: new Date(Math.floor(clock.getTime() / 60_000) * 60_000),
        count: 1,
      });
      clock = new Date(clock.getTime() + 60_000);
      await scheduledSweep(server.deps);
      expect(await server.database.db.select().from(rateLimits)).toEqual([]);
    });
  });
}

describe('rate limits off', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('counts nothing when both limits are 0 (the test servers’ default)', async () => {
    for (let i = 0; i < 5; i++) expect((await get(server, '/v1/auth/providers')).status).toBe(200);
    expect(await server.database.db.select().from(rateLimits)).toEqual([]);
  });
});

const url = process.env.DATABASE_URL;

describe.runIf(url)('rate limits across two API instances on one Postgres', () => {
  let shared: Awaited<ReturnType<ReturnType<typeof postgresAt>['open']>>;
  let a: TestServer;
  let b: TestServer;
  const clock = new Date('2026-03-02T10:00:00Z');

  beforeAll(async () => {
    shared = await postgresAt(url!).open();
    const sameDatabase = {
      name: 'postgres' as const,
      open: () => openDatabase({ url: shared.url! }),
    };
    const options = {
      database: sameDatabase,
      rateLimits: { perMember: 10, perIp: 0 },
      now: () => clock,
    };
    a = await startTestServer(options);
    b = await startTestServer(options);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await shared?.close();
  });

  it('shares one count: of 30 requests at once over both, exactly 10 pass', async () => {
    const ada = await a.signIn('ada@acme.test');
    const onB = await b.signIn('ada@acme.test');
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 ? get(a, '/v1/tags', ada.headers) : get(b, '/v1/tags', onB.headers),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });
});
