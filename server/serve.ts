import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { createApp } from './app';
import type { Deps } from './http/context';
import { nodePeerAddress } from './http/node-peer';
import { onError, onNotFound } from './middleware/errors';

export type RunningServer = {
  url: string;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
};

/** Serves the app on Node with WebSockets; `port: 0` picks a free port. */
export async function serveApp(
  deps: Omit<Deps, 'upgradeWebSocket'>,
  listen: { port: number; hostname: string },
): Promise<RunningServer> {
  // The socket helper needs the app that routes upgrades, and the app needs the helper:
  // an outer app breaks the cycle.
  const outer = new Hono().onError(onError).notFound(onNotFound);
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app: outer });
  const app = createApp({ ...deps, upgradeWebSocket, peerAddress: nodePeerAddress });
  outer.route('/', app);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: outer.fetch, port: listen.port, hostname: listen.hostname }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  injectWebSocket(server);
  const { port } = server.address() as AddressInfo;
  const host = listen.hostname.includes(':') ? `[${listen.hostname}]` : listen.hostname;
  return {
    url: `http://${host}:${port}`,
    app,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}
