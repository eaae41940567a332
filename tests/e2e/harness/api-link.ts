import type { BrowserContext } from '@playwright/test';
import type { ServiceWorkerControl } from './service-worker';

/**
 * This browser's link to the API, which the test can cut and restore, as when an agent's
 * laptop drops off the network while the API keeps serving everyone else. Cut, every
 * request to the API is refused (what the browser sees of a stopped API) and the live
 * channel dies: Playwright cannot close a service worker's WebSocket, so the worker is
 * stopped, as Chrome stops idle workers; it starts again at the pages' next message and
 * finds the API unreachable. Restored, requests go through again and the extension
 * reconnects on its own schedule. Cheaper than stopping the API, whose restart takes
 * seconds, and the teammates stay online to see the change land.
 */
export async function apiLink(context: BrowserContext, apiUrl: string) {
  const api = new URL(apiUrl).origin;
  let down = false;
  await context.route(
    (url) => url.origin === api,
    (route) => (down ? route.abort('connectionrefused') : route.fallback()),
  );
  return {
    async cut(worker: ServiceWorkerControl) {
      down = true;
      await worker.stop();
    },
    restore() {
      down = false;
    },
  };
}
