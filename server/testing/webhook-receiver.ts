import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { headers: IncomingHttpHeaders; body: string };

/**
 * A webhook receiver on 127.0.0.1 for tests: records every request and answers with the
 * status `answer` gives for it (its 0-based number).
 *
 *   const receiver = await startReceiver((n) => (n < 2 ? 500 : 200));
 *   receiver.url; receiver.received; await receiver.close();
 */
export async function startReceiver(answer: (n: number) => number = () => 204) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = received.length;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = answer(n);
      res.writeHead(status, status >= 300 && status < 400 ? { location: '/elsewhere' } : {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/sidedesk`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * What a receiver does with `Sidedesk-Signature: t=<unix>,v1=<hex>` (docs/sla.md): HMAC-SHA256
 * of "<t>.<raw body>" under the shared secret, compared in constant time, and a `t` within
 * five minutes of its own clock.
 */
export function verifySignature(secret: string, header: string, body: string, now: Date) {
  const parts = new Map(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = Buffer.from(parts.get('v1') ?? '', 'hex');
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return (
    Number.isInteger(t) &&
    Math.abs(now.getTime() / 1000 - t) <= 300 &&
    v1.length === expected.length &&
    timingSafeEqual(v1, expected)
  );
}
