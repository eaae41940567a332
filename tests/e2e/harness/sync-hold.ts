import type { BrowserContext } from '@playwright/test';

/**
 * Cuts this browser off from what others change, as a link that drops downloads would,
 * while its own pushes still reach the server: with the live channel down too (stop the
 * worker), a change made elsewhere stays unseen here, so a race can be staged.
 *
 * While held, pulls fail at once (connection refused) and realtime tickets wait. Pulls
 * are failed rather than held because the sync engine runs its tasks one at a time: a
 * pull left hanging would hold back the push the race is about. On release the waiting
 * tickets are sent, the live channel comes back, and the engine catches up at once.
 */
export async function holdSync(context: BrowserContext, apiUrl: string) {
  let released: Promise<void> | null = null;
  let release = () => {};
  let inFlight = 0;
  let settled = () => {};
  const api = new URL(apiUrl).origin;
  const pull = (url: URL) => url.origin === api && url.pathname === '/v1/pull';
  const ticket = (url: URL) => url.origin === api && url.pathname === '/v1/live/ticket';
  await context.route(
    (url) => pull(url) || ticket(url),
    async (route) => {
      if (released && pull(new URL(route.request().url()))) {
        return route.abort('connectionrefused');
      }
      if (released) await released;
      inFlight++;
      try {
        const response = await route.fetch().catch(() => null);
        // The API may be down meanwhile: the browser then sees the connection refused.
        if (response) await route.fulfill({ response });
        else await route.abort('connectionrefused');
      } finally {
        inFlight--;
        if (inFlight === 0) settled();
      }
    },
  );
  return {
    /** Resolves once no request that started before the hold is still on its way. */
    hold: async () => {
      released = new Promise((resolve) => {
        release = resolve;
      });
      if (inFlight > 0) await new Promise<void>((resolve) => (settled = resolve));
    },
    release: () => {
      released = null;
      release();
    },
  };
}
