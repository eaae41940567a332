import { EventEmitter } from 'node:events';
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

/** Hands each announcement to the listeners of its workspace in this process. */
export class Fanout {
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

/** An announcement off a shared channel, or null when it is not one of ours. */
export function parseAnnouncement(payload: string): Announcement | null {
  try {
    const announcement = Announcement.safeParse(JSON.parse(payload));
    return announcement.success ? announcement.data : null;
  } catch {
    return null;
  }
}

/**
 * The announcement as sent on a channel that takes at most `maxBytes`: a poke too large
 * goes without its changes, and clients pull them.
 */
export function encodeWithin(announcement: Announcement, maxBytes: number): string {
  const payload = JSON.stringify(announcement);
  if (Buffer.byteLength(payload) <= maxBytes || isPresence(announcement)) return payload;
  const { changes: _, ...plain } = announcement;
  return JSON.stringify(plain);
}
