/** Where a request goes: its database, and the request as the app should see it. */
export type Target = { databaseUrl: string; request: Request };

const PREFIX = /^\/__db\/(sidedesk_t_[0-9a-f]{12})(\/.*)?$/;

/**
 * Tests only (TEST_DATABASE_PREFIX): `/__db/sidedesk_t_…/v1/…` is `/v1/…` on that database of
 * the DATABASE_URL server, so each test file of one worker has a database of its own.
 * Anything else is null: no database is reachable without the prefix then.
 */
export function testTarget(request: Request, databaseUrl: string): Target | null {
  const url = new URL(request.url);
  const match = PREFIX.exec(url.pathname);
  if (!match) return null;
  const dbUrl = new URL(databaseUrl);
  dbUrl.pathname = `/${match[1]}`;
  url.pathname = match[2] ?? '/';
  return { databaseUrl: dbUrl.toString(), request: new Request(url, request) };
}
