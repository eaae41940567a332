/**
 * A sync client for the load benchmark that speaks the extension's protocol exactly (the
 * same typed API client and realtime connection, the same order rules: poked versions
 * applied only when contiguous, a pull on any gap, a bootstrap on `reset`, pushes in
 * mutation-id order, in batches, retried with backoff) but keeps its cache in memory:
 * one set of note ids instead of a Dexie database. A hundred of the extension's engines
 * on fake IndexedDB need more CPU than this machine has (docs/benchmarks.md#load), so
 * this is what lets one machine offer a hundred agents' load to the API.
 */
import { randomUUID } from 'node:crypto';
import { createApiClient } from '../lib/api-client';
import type { Change, MutationResult } from '../lib/schema';
import { SYNC_PROTOCOL } from '../lib/schema';
import { LiveConnection, type WebSocketFactory } from '../lib/sync/live';
import { backoff, realTimers } from '../lib/sync/timers';
import type { Agent } from './load-setup';

type Queued = { id: number; name: string; args: unknown; ts: string };
export type WireClientHooks = {
  /** A note another client added reached this cache. */
  landed(noteId: string): void;
  /** The server answered a mutation this client pushed. */
  acknowledged(mutationId: number, result: MutationResult): void;
  error(message: string): void;
};

const PUSH_BATCH = 100;

export class WireClient {
  readonly notes = new Set<string>();
  /** Pull requests made: a poke that carried its changes needs none. */
  pulls = 0;
  private readonly api;
  private readonly live: LiveConnection;
  private readonly clientId = randomUUID();
  private readonly outbox: Queued[] = [];
  private readonly poked = new Map<number, Change[]>();
  private cursor: number | null = null;
  private pokedHead = 0;
  private nextMutationId = 1;
  private pushing: Promise<void> | null = null;
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private failures = 0;
  private stopped = false;

  constructor(
    url: string,
    private readonly agent: Agent,
    private readonly hooks: WireClientHooks,
  ) {
    this.api = createApiClient(url);
    this.live = new LiveConnection({
      WebSocket: WebSocket as unknown as WebSocketFactory,
      timers: realTimers,
      connectUrl: async () => this.api.liveUrl((await this.api.liveTicket(agent.token)).ticket),
      onPoke: (version, changes) => this.pokedAt(version, changes),
      onStatus: (online) => {
        if (online) this.catchUp();
      },
      onError: (message) => hooks.error(message),
    });
  }

  /** Bootstraps, then goes live. */
  async start() {
    await this.bootstrap();
    this.live.ensure();
  }

  stop() {
    this.stopped = true;
    this.live.stop();
  }

  /** Queues a mutation and starts a push; returns its id. */
  mutate(name: string, args: unknown): number {
    const id = this.nextMutationId++;
    this.outbox.push({ id, name, args, ts: new Date().toISOString() });
    this.flush();
    return id;
  }

  /** Mutations not yet answered, oldest first. */
  queued(): readonly Queued[] {
    return this.outbox;
  }

  flush() {
    if (this.pushing || this.stopped) return;
    this.pushing = this.pushAll().finally(() => {
      this.pushing = null;
      if (this.outbox.length > 0 && this.failures === 0) this.flush();
    });
  }

  private async pushAll() {
    while (this.outbox.length > 0 && !this.stopped) {
      const batch = this.outbox.slice(0, PUSH_BATCH);
      try {
        const response = await this.api.push(this.agent.token, {
          clientId: this.clientId,
          mutations: batch,
        });
        this.failures = 0;
        for (const result of response.results) {
          const at = this.outbox.findIndex((q) => q.id === result.id);
          if (at >= 0) this.outbox.splice(at, 1);
          this.hooks.acknowledged(result.id, result);
        }
      } catch (e) {
        this.hooks.error(`push: ${(e as Error).message}`);
        const delay = backoff(this.failures++, Math.random(), 250, 5000);
        setTimeout(() => this.flush(), delay);
        return;
      }
    }
  }

  private pokedAt(version: number, changes?: Change[]) {
    if (changes) this.poked.set(version, changes);
    this.pokedHead = Math.max(this.pokedHead, version);
    this.catchUp();
  }

  /** One catch-up at a time; a poke during one runs another after it. */
  private catchUp() {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return;
    }
    this.catchingUp = this.applyPoked()
      .catch((e: Error) => this.hooks.error(`catch-up: ${e.message}`))
      .finally(() => {
        this.catchingUp = null;
        if (this.catchUpAgain) {
          this.catchUpAgain = false;
          this.catchUp();
        }
      });
  }

  private async applyPoked() {
    if (this.cursor === null) return;
    for (let next = this.poked.get(this.cursor + 1); next; next = this.poked.get(this.cursor + 1)) {
      this.apply(next);
      this.cursor += 1;
    }
    for (const v of this.poked.keys()) if (v <= this.cursor) this.poked.delete(v);
    if (this.cursor < this.pokedHead) await this.pull();
  }

  private async pull() {
    for (;;) {
      this.pulls++;
      const page = await this.api.pull(this.agent.token, {
        clientId: this.clientId,
        cursor: this.cursor ?? 0,
        limit: 500,
        protocol: SYNC_PROTOCOL,
      });
      if (page.reset) return this.bootstrap();
      this.apply(page.changes);
      this.cursor = page.cursor;
      if (!page.hasMore) return;
    }
  }

  private async bootstrap() {
    this.notes.clear();
    let next: string | undefined;
    let cursor: number | undefined;
    do {
      const page = await this.api.bootstrap(this.agent.token, next, 500);
      cursor ??= page.cursor;
      this.apply(page.changes, false);
      next = page.next ?? undefined;
    } while (next !== undefined);
    this.cursor = cursor;
  }

  private apply(changes: Change[], announce = true) {
    for (const change of changes) {
      if (change.entity !== 'note') continue;
      if (change.record === null) this.notes.delete(change.id);
      else if (!this.notes.has(change.id)) {
        this.notes.add(change.id);
        if (announce) this.hooks.landed(change.id);
      }
    }
  }
}
