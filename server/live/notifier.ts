import { EventEmitter } from 'node:events';
import type { Sql } from 'postgres';
import { z } from 'zod';
import { Change, PresenceEntry } from '../../lib/schema';

/** What every committed write in a workspace announces. */
export const Poke = z.object({
  workspaceId: z.uuid(),
  version: z.number().int().nonnegative(),
  /** Members deactivated by this write: their open sockets close. */
  deactivated: z.array(z.uuid()).optional(),
  /** The version's changes, when every member may see them (see LiveServerMessage). */
  changes: z.array(Change).optional(),
});
export type Poke = z.infer<typeof Poke>;

/**
 * Who is on one conversation now: a kind of its own on the same channel, since it names
 * no version and must never make a client pull.
 */
export const PresenceNotice = z.object({
  workspaceId: z.uuid(),
  presence: z.object({
    conversationId: PresenceEntry.shape.conversationId,
    entries: z.array(PresenceEntry),
  }),
});
export type PresenceNotice = z.infer<typeof PresenceNotice>;

/** What travels on the channel; a presence notice is told apart by its `presence`. */
export const Announcement = z.union([PresenceNotice, Poke]);
export type Announcement = Poke | PresenceNotice;

export const isPresence = (a: Announcement): a is PresenceNotice => 'presence' in a;

export interface Notifier {
  /** Call after commit only: a poke must never announce a version nobody can pull yet. */
  publish(announcement: Announcement): Promise<void>;
  subscribe(workspaceId: string, listener: (announcement: Announcement) => void): () => void;
  close(): Promise<void>;
}

class Fanout {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  emit(announcement: Announcement) {
    this.emitter.emit(announcement.workspaceId, announcement);
  }
  subscribe(workspaceId: string, listener: (announcement: Announcement) => void) {
    this.emitter.on(workspaceId, listener);
    return () => void this.emitter.off(workspaceId, listener);
  }
}

/** One process, one embedded database: pokes stay in memory. */
export function inProcessNotifier(): Notifier {
  const fanout = new Fanout();
  return {
    publish: async (announcement) => fanout.emit(announcement),
    subscribe: (ws, listener) => fanout.subscribe(ws, listener),
    close: async () => {},
  };
}

const CHANNEL = 'sidedesk_poke';

/**
 * Several API instances on one Postgres: each publishes with NOTIFY and hears every
 * instance's pokes (its own included) through LISTEN, so a client connected to any
 * instance learns of a write made on any other.
 */
export async function postgresNotifier(sql: Sql): Promise<Notifier> {
  const fanout = new Fanout();
  const listening = await sql.listen(CHANNEL, (payload) => {
    try {
      const announcement = Announcement.safeParse(JSON.parse(payload));
      if (announcement.success) fanout.emit(announcement.data);
    } catch {
      // Another program on the channel: not ours to interpret.
    }
  });
  return {
    publish: async (announcement) => {
      const payload = JSON.stringify(announcement);
      if (payload.length < 7900 || isPresence(announcement))
        return void (await sql.notify(CHANNEL, payload));
      // NOTIFY payloads stop at 8000 bytes: a large version goes as a plain poke, and
      // clients pull it.
      const { changes: _, ...plain } = announcement;
      await sql.notify(CHANNEL, JSON.stringify(plain));
    },
    subscribe: (ws, listener) => fanout.subscribe(ws, listener),
    close: () => listening.unlisten(),
  };
}
