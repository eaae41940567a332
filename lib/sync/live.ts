import {
  type Change,
  type LiveClientMessage,
  LiveServerMessage,
  type PresenceEntry,
} from '../schema';
import { backoff, type Timers } from './timers';

/** The part of the WebSocket API the engine uses (the browser's and Node's both fit). */
export type WebSocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
};
export type WebSocketFactory = new (url: string) => WebSocketLike;

const OPEN = 1;
/** Under the ~30 s after which Chrome stops an idle MV3 worker; a message resets that clock. */
export const HEARTBEAT_MS = 20_000;

export type LiveOptions = {
  WebSocket: WebSocketFactory;
  timers: Timers;
  /** A fresh single-use URL (ticket included) for each connection attempt. */
  connectUrl(): Promise<string>;
  onPoke(version: number, changes?: Change[]): void;
  /** Who is on a conversation now (every entry, the member's own included). */
  onPresence?(conversationId: string, entries: PresenceEntry[]): void;
  onStatus(online: boolean): void;
  onError(message: string): void;
};

/** The realtime poke channel: reconnects with backoff until stopped. */
export class LiveConnection {
  private socket: WebSocketLike | null = null;
  private heartbeat: unknown = null;
  private retry: unknown = null;
  private connecting = false;
  private attempt = 0;
  private stopped = false;

  constructor(private readonly opts: LiveOptions) {}

  get open() {
    return this.socket?.readyState === OPEN;
  }

  /** Sends on the open socket; false when there is none (the message is not kept). */
  send(message: LiveClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Connect unless already connected or connecting. */
  ensure() {
    this.stopped = false;
    if (this.socket || this.connecting || this.retry !== null) return;
    void this.connect();
  }

  stop() {
    this.stopped = true;
    if (this.retry !== null) this.opts.timers.clearTimeout(this.retry);
    this.retry = null;
    this.drop();
  }

  private async connect() {
    this.connecting = true;
    let url: string;
    try {
      url = await this.opts.connectUrl();
    } catch (e) {
      this.opts.onError(`realtime: ${(e as Error).message}`);
      return this.scheduleReconnect();
    } finally {
      this.connecting = false;
    }
    if (this.stopped) return;
    const socket = new this.opts.WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.opts.onStatus(true);
      this.heartbeat = this.opts.timers.setInterval(() => {
        if (socket.readyState === OPEN) socket.send(JSON.stringify({ type: 'ping' }));
      }, HEARTBEAT_MS);
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.drop();
      this.opts.onStatus(false);
      this.scheduleReconnect();
    };
    socket.onerror = () => socket.close();
  }

  private receive(data: unknown) {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return;
    }
    const message = LiveServerMessage.safeParse(json);
    if (!message.success) return;
    if (message.data.type === 'poke') this.opts.onPoke(message.data.version, message.data.changes);
    if (message.data.type === 'error') this.opts.onError(`realtime: ${message.data.error.message}`);
    if (message.data.type === 'presence')
      this.opts.onPresence?.(message.data.conversationId, message.data.entries);
  }

  private drop() {
    if (this.heartbeat !== null) this.opts.timers.clearInterval(this.heartbeat);
    this.heartbeat = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  }

  private scheduleReconnect() {
    if (this.stopped) return;
    const delay = backoff(this.attempt++, this.opts.timers.random(), 1000, 30_000);
    this.retry = this.opts.timers.setTimeout(() => {
      this.retry = null;
      if (!this.stopped) void this.connect();
    }, delay);
  }
}
