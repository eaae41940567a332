import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

/**
 * A load balancer in miniature, on loopback: each TCP connection (HTTP or WebSocket) goes
 * to the first upstream that accepts it. An upstream that dies takes its open connections
 * with it, as a real one would; the next connection goes to one still alive.
 */
export async function failoverProxy(upstreams: string[]) {
  const targets = upstreams.map((u) => new URL(u));
  const open = new Set<Socket>();
  const pipeTo = (client: Socket, index: number) => {
    const target = targets[index];
    if (!target) return client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    open.add(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      client.pipe(upstream).pipe(client);
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
    });
    upstream.once('error', () => {
      if (!connected) pipeTo(client, index + 1);
      else client.destroy();
    });
    upstream.once('close', () => open.delete(upstream));
  };
  const server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    pipeTo(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
