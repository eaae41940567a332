import { EventEmitter } from 'node:events';
import type { Sql } from 'postgres';
import { z } from 'zod';
import { Change } from '../../lib/schema';

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

export interface Notifier {
  /** Call after commit only: a poke must never announce a version nobody can pull yet. */
  publish(poke: Poke): Promise<void>;
  subscribe(workspaceId: string, listener: (poke: Poke) => void): () => void;
  close(): Promise<void>;
}

class Fanout {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  emit(poke: Poke) {
    this.emitter.emit(poke.workspaceId, poke);
  }
  subscribe(workspaceId: string, listener: (poke: Poke) => void) {
    this.emitter.on(workspaceId, listener);
    return () => void this.emitter.off(workspaceId, listener);
  }
}

/** One process, one embedded database: pokes stay in memory. */
export function inProcessNotifier(): Notifier {
  const fanout = new Fanout();
  return {
    publish: async (poke) => fanout.emit(poke),
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
      const poke = Poke.safeParse(JSON.parse(payload));
      if (poke.success) fanout.emit(poke.data);
    } catch {
      // Another program on the channel: not ours to interpret.
    }
  });
  return {
    publish: async (poke) => {
      const payload = JSON.stringify(poke);
      // NOTIFY payloads stop at 8000 bytes: a large version goes as a plain poke, and
      // clients pull it.
      const { changes: _, ...plain } = poke;
      await sql.notify(CHANNEL, payload.length < 7900 ? payload : JSON.stringify(plain));
    },
    subscribe: (ws, listener) => fanout.subscribe(ws, listener),
    close: () => listening.unlisten(),
  };
}
