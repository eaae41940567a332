import type { Context } from 'hono';
import type { Deps } from './context';

type Peer = Pick<Deps, 'trustProxy' | 'peerAddress'>;

/** The first value of a comma-separated forwarding header: what the client's side reported. */
const firstHop = (c: Context, header: string) =>
  c.req.header(header)?.split(',')[0]?.trim() || undefined;

/** The client's address: the peer's, or behind a trusted proxy the first X-Forwarded-For hop. */
export function clientAddress(c: Context, peer: Peer): string | undefined {
  const forwarded = peer.trustProxy ? firstHop(c, 'x-forwarded-for') : undefined;
  return forwarded ?? peer.peerAddress?.(c);
}

/** Whether the client reached us over https (behind a trusted proxy: as the proxy says). */
export function cameOverHttps(c: Context, peer: Peer): boolean {
  const forwarded = peer.trustProxy ? firstHop(c, 'x-forwarded-proto') : undefined;
  return (forwarded ?? new URL(c.req.url).protocol.slice(0, -1)).toLowerCase() === 'https';
}
