import { randomUUID } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { encodeWithin, Fanout, type Notifier, parseAnnouncement } from './notifier';

const CHANNEL = 'sidedesk_poke';
/** NOTIFY payloads stop short of 8000 bytes (UTF-8, so counted in bytes, not characters). */
const NOTIFY_MAX_BYTES = 7900;
/** How often an instance checks, with a NOTIFY to itself, that it still hears the channel. */
export const HEARTBEAT_MS = 2_000;
/** Heartbeats missed in a row before the listening connection is replaced. */
const MISSES_ALLOWED = 2;

/**
 * Several API instances on one Postgres: each publishes with NOTIFY and hears every
 * instance's pokes (its own included) through LISTEN on a connection of its own, so a
 * client connected to any instance learns of a write made on any other.
 *
 * postgres.js listens again once after a lost connection and gives up silently if that
 * attempt fails (Postgres still shutting down during a restart): the instance would go deaf
 * for good. So the instance sends itself a heartbeat and, when it stops hearing it,
 * replaces the listening connection until it hears again.
 */
export async function postgresNotifier(sql: Sql, url: string): Promise<Notifier> {
  const fanout = new Fanout();
  const ping = `ping:${randomUUID()}`;
  let heardAt = Date.now();
  let listener = await listenOn(url, (payload) => {
    if (payload === ping) heardAt = Date.now();
    // Another program on the channel, or another instance's heartbeat, is not ours to read.
    const announcement = parseAnnouncement(payload);
    if (announcement) fanout.emit(announcement);
  });
  let replacing = false;
  const heartbeat = setInterval(async () => {
    if (!replacing && Date.now() - heardAt > (MISSES_ALLOWED + 0.5) * HEARTBEAT_MS) {
      replacing = true;
      const deaf = listener;
      try {
        listener = await listenOn(url, deaf.onPayload);
        heardAt = Date.now();
        console.warn('sidedesk: LISTEN was lost; listening again on a new connection');
        await deaf.sql.end({ timeout: 1 }).catch(() => {});
      } catch {
        // Postgres is not back yet: the next heartbeat tries again.
      } finally {
        replacing = false;
      }
    }
    await sql.notify(CHANNEL, ping).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    publish: async (announcement) =>
      void (await sql.notify(CHANNEL, encodeWithin(announcement, NOTIFY_MAX_BYTES))),
    subscribe: (ws, listener) => fanout.subscribe(ws, listener),
    close: async () => {
      clearInterval(heartbeat);
      await listener.sql.end({ timeout: 5 });
    },
  };
}

async function listenOn(url: string, onPayload: (payload: string) => void) {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await sql.listen(CHANNEL, onPayload);
  } catch (e) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw e;
  }
  return { sql, onPayload };
}
