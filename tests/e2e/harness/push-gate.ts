import type { BrowserContext, Route } from '@playwright/test';

export type PushExchange = {
  ids: number[];
  /** The results the server answered with (null when the request never reached it). */
  results: { id: number; status: string }[] | null;
};

/**
 * Watches the extension's POST /v1/push on the test API. The first push is let through to
 * the server (so it is applied there) but its answer is held back until `release()`: the
 * worker can be stopped while the push is in flight, after the server stored it and
 * before the client heard. Later pushes pass straight through; every exchange is recorded.
 */
export async function gateFirstPush(context: BrowserContext, apiUrl: string) {
  const exchanges: PushExchange[] = [];
  let held: (() => void) | undefined;
  let releaseHeld!: () => void;
  const released = new Promise<void>((resolve) => {
    releaseHeld = resolve;
  });
  const heldNow = new Promise<void>((resolve) => {
    held = resolve;
  });

  const handler = async (route: Route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.fallback();
    const body = request.postDataJSON() as { mutations: { id: number }[] };
    const exchange: PushExchange = {
      ids: body.mutations.map((m) => m.id),
      results: null,
    };
    exchanges.push(exchange);
    const first = exchanges.length === 1;
    const response = await route.fetch();
    const answer = (await response.json()) as { results: { id: number; status: string }[] };
    exchange.results = answer.results;
    if (first) {
      held?.();
      await released;
    }
    // Once the worker that asked is gone, nobody hears this answer (or fulfil fails).
    await route.fulfill({ response, json: answer }).catch(() => {});
  };
  await context.route(`${apiUrl}/v1/push`, handler);

  return {
    exchanges,
    /** Resolves once the first push has been applied by the server and is being held. */
    held: () => heldNow,
    release: () => releaseHeld(),
    dispose: () => context.unroute(`${apiUrl}/v1/push`, handler),
  };
}
