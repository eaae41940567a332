import { syncClient } from '../lib/testing/sync-client';
import type { Agent } from './load-setup';
import { WireClient } from './load-wire-client';

/** What the load benchmark's agents process reports of one agent's client. */
export type LoadAgentHooks = {
  /** Another agent's note reached this agent's cache. */
  landed(noteId: string): void;
  /** The server acknowledged one of this agent's notes. */
  acknowledged(noteId: string): void;
  /** The server or the client refused one of this agent's notes. */
  refused(noteId: string, message: string): void;
  error(message: string): void;
};

export type LoadAgent = {
  addNote(id: string, conversationId: string): Promise<void>;
  noteIds(): Promise<string[]>;
  /** Notes still waiting to be pushed. */
  queuedNotes(): Promise<string[]>;
  flush(): void;
  stop(): void;
};

/**
 * `engine`: the extension's own sync engine on a fake IndexedDB, as in a browser.
 * `wire`: the same protocol with an in-memory cache (bench/load-wire-client.ts).
 */
export type ClientKind = 'engine' | 'wire';

export function openAgent(kind: ClientKind, url: string, agent: Agent, hooks: LoadAgentHooks) {
  return kind === 'engine' ? engineAgent(url, agent, hooks) : wireAgent(url, agent, hooks);
}

async function wireAgent(url: string, agent: Agent, hooks: LoadAgentHooks): Promise<LoadAgent> {
  const own = new Set<string>();
  const byMutation = new Map<number, string>();
  const client = new WireClient(url, agent, {
    landed: (id) => {
      if (!own.has(id)) hooks.landed(id);
    },
    acknowledged: (mutationId, result) => {
      const noteId = byMutation.get(mutationId);
      if (noteId === undefined) return;
      if (result.status === 'ok') hooks.acknowledged(noteId);
      else hooks.refused(noteId, `${result.status}: ${'message' in result ? result.message : ''}`);
    },
    error: hooks.error,
  });
  await client.start();
  return {
    addNote: async (id, conversationId) => {
      own.add(id);
      byMutation.set(
        client.mutate('note.add', { id, conversationId, body: `load note ${id}` }),
        id,
      );
    },
    noteIds: async () => [...client.notes],
    queuedNotes: async () => client.queued().map((q) => byMutation.get(q.id) ?? ''),
    flush: () => client.flush(),
    stop: () => client.stop(),
  };
}

async function engineAgent(url: string, agent: Agent, hooks: LoadAgentHooks): Promise<LoadAgent> {
  const client = await syncClient(url, agent);
  const own = new Set<string>();
  const byMutation = new Map<number, string>();
  client.db.notes.hook('creating', (id) => {
    if (!own.has(String(id))) hooks.landed(String(id));
  });
  client.db.outbox.hook('deleting', (id) => {
    const noteId = byMutation.get(Number(id));
    if (noteId !== undefined) hooks.acknowledged(noteId);
  });
  client.db.meta.hook('creating', (key, row) => {
    if (key === 'lastError') hooks.error(String(row.value));
  });
  client.db.meta.hook('updating', (mods, key) => {
    const value = (mods as { value?: unknown }).value;
    if (key === 'lastError' && value !== undefined) hooks.error(String(value));
  });
  return {
    addNote: async (id, conversationId) => {
      own.add(id);
      const result = await client.engine.mutate('note.add', {
        id,
        conversationId,
        body: `load note ${id}`,
      });
      if (!result.ok || result.mutationId === null) hooks.refused(id, 'refused locally');
      else byMutation.set(result.mutationId, id);
    },
    noteIds: async () => (await client.db.notes.toCollection().primaryKeys()).map(String),
    queuedNotes: async () =>
      (await client.db.outbox.toArray()).map((row) => String((row.args as { id: string }).id)),
    flush: () => void client.engine.flush(),
    stop: () => client.engine.stop(),
  };
}
