import type { BrowserContext } from '@playwright/test';

/** Hosts the tests run themselves: the test API and the test OIDC issuer. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const INTERNAL_PROTOCOLS = new Set(['chrome-extension:', 'data:', 'blob:', 'about:']);

export type BlockedRequest = { url: string; kind: 'http' | 'websocket'; at: number };

export type NetworkGuard = {
  /** Every outside request the guard stopped, in order. */
  blocked: BlockedRequest[];
};

export function isAllowed(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  return INTERNAL_PROTOCOLS.has(url.protocol) || LOCAL_HOSTS.has(url.hostname);
}

/**
 * Block every request to a host outside this machine, from pages and the extension's
 * service worker alike; let through loopback (test API, test issuer) and extension URLs.
 * Blocked requests are recorded so a test can assert that nothing tried to escape.
 *
 * Chromium also gets `--host-resolver-rules` (see chromium.ts) as a second, network-level
 * wall for anything Playwright cannot route.
 */
export async function guardNetwork(context: BrowserContext): Promise<NetworkGuard> {
  const guard: NetworkGuard = { blocked: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isAllowed(url)) return route.fallback();
    guard.blocked.push({ url, kind: 'http', at: Date.now() });
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(
    (url) => !isAllowed(url.toString().replace(/^ws/, 'http')),
    (ws) => {
      guard.blocked.push({ url: ws.url(), kind: 'websocket', at: Date.now() });
      ws.close({ code: 1008, reason: 'blocked by the test network guard' });
    },
  );
  return guard;
}
