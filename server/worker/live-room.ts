import { createApp } from '../app';
import type { Deps } from '../http/context';
import { type Announcement, Fanout, type Notifier, parseAnnouncement } from '../live/notifier';
import type { DurableObjectNamespace } from './runtime';

const POKE_URL = 'https://live-room/__announce';
/** The worker names the room's database in this header (its own, never a client's). */
export const ROOM_DATABASE_HEADER = 'x-sidedesk-room-database';

/** One room per workspace and database (tests run many databases on one worker). */
export const roomOf = (rooms: DurableObjectNamespace, databaseUrl: string, workspaceId: string) =>
  rooms.get(rooms.idFromName(`${new URL(databaseUrl).pathname}:${workspaceId}`));

/**
 * The worker's notifier: every announcement goes to the workspace's room, which holds the
 * workspace's sockets. Awaited, as on Node, so a writer's own poke is out before its answer.
 */
export function roomNotifier(rooms: DurableObjectNamespace, databaseUrl: string): Notifier {
  return {
    publish: async (announcement) => {
      const room = roomOf(rooms, databaseUrl, announcement.workspaceId);
      const body = JSON.stringify(announcement);
      const res = await room.fetch(new Request(POKE_URL, { method: 'POST', body }));
      if (!res.ok) throw new Error(`the live room answered ${res.status}`);
    },
    subscribe: () => {
      throw new Error('On the worker only a live room holds sockets');
    },
    close: async () => {},
  };
}

/** The app's dependencies for a room on this database, whose pokes go to this notifier. */
export type RoomDeps = (databaseUrl: string, notifier: Notifier) => Deps;

/**
 * A Durable Object per workspace: it runs the live route for every socket of the workspace
 * and hands each announcement (pokes from the worker, presence from its own sockets) to them.
 * Its database client lives as long as the room.
 */
export function liveRoom(context: (bindings: Record<string, unknown>) => RoomDeps | Response) {
  return class LiveRoom {
    private readonly fanout = new Fanout();
    private readonly notifier: Notifier = {
      publish: async (announcement: Announcement) => this.fanout.emit(announcement),
      subscribe: (workspaceId, listener) => this.fanout.subscribe(workspaceId, listener),
      close: async () => {},
    };
    private app: ReturnType<typeof createApp> | undefined;

    constructor(
      _state: unknown,
      private readonly bindings: Record<string, unknown>,
    ) {}

    async fetch(request: Request): Promise<Response> {
      if (request.url === POKE_URL) {
        const announcement = parseAnnouncement(await request.text());
        if (!announcement) return new Response('not an announcement', { status: 400 });
        this.fanout.emit(announcement);
        return new Response(null, { status: 204 });
      }
      const databaseUrl = request.headers.get(ROOM_DATABASE_HEADER);
      if (!databaseUrl) return new Response('no database named', { status: 400 });
      if (!this.app) {
        const deps = context(this.bindings);
        if (deps instanceof Response) return deps;
        this.app = createApp(deps(databaseUrl, this.notifier));
      }
      return this.app.fetch(request);
    }
  };
}
