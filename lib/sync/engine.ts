import type { z } from 'zod';
import { type ApiClient, ApiRequestError, createApiClient } from '../api-client';
import { checkCache } from '../cache-check';
import type { SidedeskDb } from '../db';
import { deleteMeta, getMeta, setMeta } from '../meta';
import {
  type BootstrapPage,
  type Change,
  type CreateTag,
  type Event,
  type LiveClientMessage,
  MAX_BODY_BYTES,
  type MutationName,
  type Note,
  type PresenceEntry,
  type PullResponse,
  type PushResponse,
  SYNC_PROTOCOL,
  type Tag,
} from '../schema';
import type { ChangeNotice, RelayRequest, RelayResponse } from '../schema/messages';
import { LiveConnection, type WebSocketFactory } from './live';
import { type MutateResult, NotSignedIn, recordMutation, settlePush } from './outbox';
import { applyBootstrapPage, applyPokedVersion, applyPullPage } from './pages';
import { ChangeSummary } from './summary';
import { backoff, realTimers, type Timers } from './timers';

export type SyncEngineOptions = {
  db: SidedeskDb;
  fetch?: typeof fetch;
  WebSocket?: WebSocketFactory;
  timers?: Timers;
  /** Called after every write to the cache, with what it touched. */
  onChange?(notice: ChangeNotice): void;
  /** Notes a write to the cache added (it did not hold them before), after `onChange`. */
  onNewNotes?(notes: Note[]): void;
  /** Records per bootstrap or pull page. */
  pageSize?: number;
  /** The realtime channel opened (true) or dropped (false). */
  onLive?(open: boolean): void;
  /** Who is on a conversation now, as the realtime channel tells it. */
  onPresence?(conversationId: string, entries: PresenceEntry[]): void;
};

/** Thrown inside a task of an engine stopped or disconnected since: its work is abandoned. */
class EngineStopped extends Error {}

const PUSH_BATCH = 100;

/** Room left in a push body for the envelope around the mutations. */
const PUSH_BYTES = MAX_BODY_BYTES - 16 * 1024;

/** The longest prefix of outbox rows whose mutations fit in one push body (at least one). */
function withinBodyLimit<T extends { id: number; name: string; args: unknown; ts: string }>(
  rows: T[],
): T[] {
  const encoder = new TextEncoder();
  let bytes = 0;
  const over = rows.findIndex(({ id, name, args, ts }) => {
    bytes += encoder.encode(JSON.stringify({ id, name, args, ts })).length + 1;
    return bytes > PUSH_BYTES;
  });
  return over === -1 ? rows : rows.slice(0, Math.max(1, over));
}

/**
 * The background's sync loop. Every piece of state it needs to resume (cursor, outbox,
 * next mutation id, client id, tokens) is in Dexie, so a worker stopped at any instant
 * picks up where it was; tasks run one at a time, so pushes and pulls never interleave.
 */
export class SyncEngine {
  private readonly db: SidedeskDb;
  private readonly fetchFn: typeof fetch;
  private readonly timers: Timers;
  private readonly live: LiveConnection;
  private readonly pageSize: number;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly queued = new Map<string, Promise<void>>();
  private stopped = false;
  /** Bumped by disconnect: a task started before it must not write into the next session. */
  private generation = 0;
  private taskGeneration = 0;
  private retryTimer: unknown = null;
  private pushFailures = 0;
  /**
   * Mutations per push: halved when the API finds a batch too large, and kept so across
   * retries (a 413 also drops the connection, so the next attempt fails and backs off).
   */
  private pushBatch = PUSH_BATCH;
  /** Changes that pokes carried, by version, not applied yet. */
  private readonly poked = new Map<number, Change[]>();
  private pokedHead = 0;

  constructor(private readonly opts: SyncEngineOptions) {
    this.db = opts.db;
    this.fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
    this.timers = opts.timers ?? realTimers;
    this.pageSize = opts.pageSize ?? 500;
    this.live = new LiveConnection({
      WebSocket: opts.WebSocket ?? (WebSocket as unknown as WebSocketFactory),
      timers: this.timers,
      connectUrl: () =>
        this.authed(async (api, token) => api.liveUrl((await api.liveTicket(token)).ticket)),
      onPoke: (version, changes) => void this.pokedAt(version, changes),
      onStatus: (online) => {
        opts.onLive?.(online);
        void this.setOnline(online);
      },
      onError: (message) => void this.recordError(message),
      onPresence: (conversationId, entries) => opts.onPresence?.(conversationId, entries),
    });
  }

  /** Check the cache, then catch up and go live if signed in. */
  async start() {
    await setMeta(this.db, 'online', false);
    const { dropped } = await checkCache(this.db);
    if (dropped > 0) {
      await this.recordError(`${dropped} cached records did not fit this version; reloading them`);
    }
    if (await getMeta(this.db, 'session')) this.connect();
  }

  /** After sign-in, or on start: sync now and open the realtime channel. */
  connect() {
    this.live.ensure();
    void this.sync();
  }

  /** Sends on the realtime channel when it is open; false otherwise (nothing is kept). */
  sendLive(message: LiveClientMessage): boolean {
    return this.live.send(message);
  }

  /** After sign-out: stop talking to the server; the engine can connect again later. */
  disconnect() {
    this.generation++;
    // Buffered pokes belong to the session that heard them: the next may be another workspace.
    this.poked.clear();
    this.pokedHead = 0;
    this.live.stop();
    this.clearRetry();
    if (!this.stopped) void setMeta(this.db, 'online', false);
  }

  /** Like a worker being killed: abandon everything in flight, write nothing more. */
  stop() {
    this.stopped = true;
    this.disconnect();
  }

  /** Resolves once every task queued so far has run. */
  idle() {
    return this.chain.then(() => undefined);
  }

  async mutate(name: MutationName, args: unknown): Promise<MutateResult> {
    const summary = new ChangeSummary();
    const result = await recordMutation(this.db, name, args, this.nowIso(), summary);
    this.emit(summary);
    if (result.ok && result.mutationId !== null) void this.flush();
    return result;
  }

  /**
   * Tags are created online (the API checks the role and the name); the new tag is cached
   * at once so a mutation that adds it passes the rules before the next pull echoes it.
   */
  async createTag(body: z.input<typeof CreateTag>): Promise<Tag> {
    const tag = await this.authed((api, token) => api.createTag(token, body));
    await this.db.tags.put(tag);
    this.emit(new ChangeSummary().table('tags'));
    return tag;
  }

  /**
   * An options-page request to the API with this session's token. A write that succeeded
   * is pulled at once, so sidebars and pickers show it without waiting for the poke.
   */
  async relay(request: RelayRequest): Promise<RelayResponse> {
    const response = await this.authed((api, token) => api.relay(token, request));
    if (request.method !== 'GET' && response.status < 300) void this.sync();
    return response;
  }

  /** Tells the popup and sidebars that the state they show (notices, page errors) changed. */
  announceSyncState() {
    this.emit(new ChangeSummary().table('sync'));
  }

  /** A conversation's activity log; the cache does not keep events. */
  events(conversationId: string): Promise<Event[]> {
    return this.authed((api, token) => api.events(token, conversationId));
  }

  /** The alarm's job: poll and reconnect while there is no realtime channel. */
  onAlarm() {
    if (this.live.open) return this.flush();
    this.live.ensure();
    return this.sync();
  }

  async sync() {
    await Promise.all([this.flush(), this.pull()]);
  }

  flush() {
    return this.once('flush', () => this.pushAll());
  }

  pull() {
    return this.once('pull', () => this.pullAll());
  }

  /**
   * A poke names the new head and, for small versions, carries their changes: those that
   * continue the cursor are applied at once, anything else is pulled. The buffer is only
   * a shortcut (a worker that stops loses it and pulls).
   */
  private pokedAt(version: number, changes?: Change[]) {
    if (changes) this.poked.set(version, changes);
    this.pokedHead = Math.max(this.pokedHead, version);
    return this.once('catch-up', () => this.catchUp());
  }

  private async catchUp() {
    let cursor = await getMeta(this.db, 'cursor');
    if (cursor === undefined) return this.pullAll();
    const from = cursor;
    for (let next = this.poked.get(cursor + 1); next; next = this.poked.get(cursor + 1)) {
      const summary = new ChangeSummary();
      await applyPokedVersion(this.db, cursor + 1, next, summary);
      this.emit(summary);
      cursor += 1;
    }
    for (const v of this.poked.keys()) if (v <= cursor) this.poked.delete(v);
    if (cursor < this.pokedHead) await this.pullAll();
    else if (cursor > from) await this.synced();
  }

  private async pushAll() {
    this.clearRetry();
    for (;;) {
      const queued = await this.db.outbox.orderBy('id').limit(this.pushBatch).toArray();
      if (queued.length === 0) {
        this.pushBatch = PUSH_BATCH;
        return;
      }
      const rows = withinBodyLimit(queued);
      const clientId = await this.clientId();
      await this.db.outbox.bulkUpdate(
        rows.map((r) => ({ key: r.id, changes: { attempts: r.attempts + 1 } })),
      );
      const mutations = rows.map(({ id, name, args, ts }) => ({ id, name, args, ts }));
      let response: PushResponse;
      try {
        response = await this.authed((api, token) => api.push(token, { clientId, mutations }));
      } catch (e) {
        // Long notes can make a full batch larger than the API takes: send fewer at a time.
        if (e instanceof ApiRequestError && e.status === 413 && rows.length > 1) {
          this.pushBatch = Math.ceil(rows.length / 2);
          continue;
        }
        throw e;
      }
      this.assertRunning();
      const summary = new ChangeSummary();
      await settlePush(this.db, response.results, this.nowIso(), summary);
      this.emit(summary);
      this.pushFailures = 0;
      // An answer that skips the oldest row would otherwise send it again forever.
      if (!response.results.some((r) => r.id === rows[0]?.id)) {
        throw new ApiRequestError(200, 'bad_response', `push skipped mutation ${rows[0]?.id}`);
      }
    }
  }

  private async pullAll() {
    let cursor = await getMeta(this.db, 'cursor');
    if (cursor === undefined) return this.bootstrap();
    const clientId = await this.clientId();
    for (;;) {
      const from: number = cursor;
      const page: PullResponse = await this.authed((api, token) =>
        api.pull(token, { clientId, cursor: from, limit: this.pageSize, protocol: SYNC_PROTOCOL }),
      );
      this.assertRunning();
      if (page.reset) return this.bootstrap();
      const summary = new ChangeSummary();
      await applyPullPage(this.db, page, summary);
      this.emit(summary);
      if (!page.hasMore) break;
      cursor = page.cursor;
    }
    await this.synced();
  }

  private async bootstrap() {
    let next: string | undefined;
    let cursor: number | undefined;
    do {
      const from = next;
      const page: BootstrapPage = await this.authed((api, token) =>
        api.bootstrap(token, from, this.pageSize),
      );
      this.assertRunning();
      const first = cursor === undefined;
      cursor ??= page.cursor;
      const summary = new ChangeSummary();
      await applyBootstrapPage(this.db, page, { first, cursor }, summary);
      this.emit(summary);
      next = page.next ?? undefined;
    } while (next !== undefined);
    await this.synced();
  }

  /** Runs the task after the ones before it; a second request while one waits joins it. */
  private once(key: string, task: () => Promise<void>): Promise<void> {
    const waiting = this.queued.get(key);
    if (waiting) return waiting;
    const run = this.chain.then(async () => {
      this.queued.delete(key);
      if (this.stopped) return;
      this.taskGeneration = this.generation;
      try {
        await task();
      } catch (e) {
        await this.failed(key, e);
      }
    });
    this.queued.set(key, run);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async failed(task: string, e: unknown) {
    if (e instanceof EngineStopped || e instanceof NotSignedIn || this.stopped) return;
    const message = e instanceof Error ? e.message : String(e);
    await this.recordError(message);
    const retryable = e instanceof ApiRequestError && e.retryable;
    if (task === 'flush' && retryable) {
      const delay = backoff(this.pushFailures++, this.timers.random());
      this.retryTimer = this.timers.setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, delay);
    }
  }

  /** Calls the API with the member token, renewing it once from the identity token if expired. */
  private async authed<T>(call: (api: ApiClient, token: string) => Promise<T>): Promise<T> {
    const [serverUrl, session] = await Promise.all([
      getMeta(this.db, 'serverUrl'),
      getMeta(this.db, 'session'),
    ]);
    if (!serverUrl || !session) throw new NotSignedIn();
    const api = createApiClient(serverUrl, this.fetchFn);
    try {
      return await call(api, session.token);
    } catch (e) {
      if (!(e instanceof ApiRequestError) || e.code !== 'token_expired') throw e;
      const identity = await getMeta(this.db, 'identity');
      if (!identity) throw e;
      const renewed = await api.workspaceToken(identity.token, session.workspace.id);
      this.assertRunning();
      await setMeta(this.db, 'session', renewed);
      return call(api, renewed.token);
    }
  }

  private async clientId() {
    const known = await getMeta(this.db, 'clientId');
    if (known) return known;
    const id = crypto.randomUUID();
    await setMeta(this.db, 'clientId', id);
    return id;
  }

  private async synced() {
    await setMeta(this.db, 'lastSyncAt', this.nowIso());
    await deleteMeta(this.db, 'lastError');
    this.emit(new ChangeSummary().table('sync'));
  }

  private async recordError(message: string) {
    if (this.stopped) return;
    await setMeta(this.db, 'lastError', message);
    this.emit(new ChangeSummary().table('sync'));
  }

  private async setOnline(online: boolean) {
    if (this.stopped) return;
    await setMeta(this.db, 'online', online);
    this.emit(new ChangeSummary().table('sync'));
    // Pokes sent while the channel was down were missed.
    if (online) void this.sync();
  }

  private clearRetry() {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private assertRunning() {
    if (this.stopped || this.taskGeneration !== this.generation) throw new EngineStopped();
  }

  private emit(summary: ChangeSummary) {
    if (summary.empty || this.stopped) return;
    this.opts.onChange?.(summary.toNotice());
    if (summary.newNotes.length > 0) this.opts.onNewNotes?.(summary.newNotes);
  }

  private nowIso() {
    return new Date(this.timers.now()).toISOString();
  }
}
