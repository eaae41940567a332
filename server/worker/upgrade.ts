import { defineWebSocketHelper, WSContext } from 'hono/ws';
import { newWebSocketPair, switchingProtocols } from './runtime';

/**
 * WebSockets on workerd. Unlike Hono's adapter it calls `onOpen` (the live route subscribes
 * and sends the head there): an accepted server socket is open at once.
 */
export const upgradeWebSocket = defineWebSocketHelper(async (c, events) => {
  if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') return;
  const { client, server } = newWebSocketPair();
  const ws = new WSContext({
    send: (data) => server.send(data as string | ArrayBuffer),
    close: (code, reason) => server.close(code, reason),
    raw: server,
    get readyState() {
      return server.readyState as 0 | 1 | 2 | 3;
    },
    get protocol() {
      return server.protocol;
    },
    url: new URL(c.req.url),
  });
  server.addEventListener('message', (e) => events.onMessage?.(e, ws));
  server.addEventListener('close', (e) => events.onClose?.(e, ws));
  server.addEventListener('error', (e) => events.onError?.(e, ws));
  server.accept();
  await events.onOpen?.(new Event('open'), ws);
  return switchingProtocols(client);
});
