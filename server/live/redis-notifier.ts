import { createClient } from '@redis/client';
import { encodeWithin, Fanout, type Notifier, parseAnnouncement } from './notifier';

/**
 * Redis takes messages of up to 512 MB, but every instance receives every message and a
 * subscriber that falls 8 MB behind for a minute (32 MB at once) is cut off by Redis's
 * default pubsub output limit. So a version larger than this goes as a plain poke, and
 * clients pull it: a long note costs one pull, never a dropped subscriber.
 */
export const REDIS_POKE_MAX_BYTES = 64 * 1024;
/** Attempts before a Redis that never answered stops the start (about 3 s). */
const START_ATTEMPTS = 6;

type Role = 'publisher' | 'subscriber';

/**
 * A client that reconnects by itself for as long as it lives, once it has connected;
 * a Redis that does not answer at start is an error, not an endless wait.
 */
async function connectClient(url: string, role: Role, channel: string) {
  const where = new URL(url).host; // Never the password.
  let everReady = false;
  let down = false;
  const client = createClient({
    url,
    name: `${channel}:${role}`,
    // Commands fail at once while the connection is down: a poke is dropped rather than
    // holding up the write that made it (clients learn the head from the next poke).
    disableOfflineQueue: true,
    socket: {
      reconnectStrategy: (retries, cause) =>
        everReady || retries < START_ATTEMPTS
          ? Math.min(2 ** retries * 50, 2000)
          : new Error(`Redis at ${where} does not answer: ${cause.message}`),
    },
  });
  client.on('error', (e: Error) => {
    if (!everReady || down) return;
    down = true;
    console.error(`Redis ${role} (${where}) lost: ${e.message}; reconnecting`);
  });
  client.on('ready', () => {
    if (down) console.info(`Redis ${role} (${where}) back`);
    everReady = true;
    down = false;
  });
  await client.connect();
  return client;
}

/**
 * Several API instances on one Redis: one connection publishes on the deployment's
 * channel, a dedicated one subscribes to it (a subscribed connection can do nothing else)
 * and fans each announcement out to this process's sockets of its workspace. Each
 * instance hears its own announcements too, as with LISTEN/NOTIFY.
 */
export async function redisNotifier(url: string, channel: string): Promise<Notifier> {
  const fanout = new Fanout();
  const opened: { destroy(): void }[] = [];
  try {
    const publisher = await connectClient(url, 'publisher', channel);
    opened.push(publisher);
    const subscriber = await connectClient(url, 'subscriber', channel);
    opened.push(subscriber);
    // Resubscribed by the client after every reconnect.
    await subscriber.subscribe(channel, (payload) => {
      // Another program on the channel is not ours to interpret.
      const announcement = parseAnnouncement(payload);
      if (announcement) fanout.emit(announcement);
    });
    return {
      publish: async (announcement) =>
        void (await publisher.publish(channel, encodeWithin(announcement, REDIS_POKE_MAX_BYTES))),
      subscribe: (ws, listener) => fanout.subscribe(ws, listener),
      close: async () => {
        await Promise.all([publisher.close(), subscriber.close()]);
      },
    };
  } catch (e) {
    for (const client of opened) client.destroy();
    throw e;
  }
}
