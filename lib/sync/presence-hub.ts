import type { LiveClientMessage, PresenceEntry, PresenceState } from '../schema';
import type { PresenceUpdate } from '../schema/presence-port';
import type { Timers } from './timers';

/** How often what this browser shows is renewed on the server (its rows live 30 s). */
export const PRESENCE_RENEW_MS = 10_000;
/**
 * How long a conversation's entries are believed after they were heard. Every renewal is
 * announced again, so live entries keep coming; measuring from receipt, not from the
 * server's `expiresAt`, keeps a skewed clock from hiding or keeping them.
 */
export const PRESENCE_HEARD_MS = 30_000;

export interface PresenceHubOptions {
  timers: Timers;
  /** Sends on the realtime channel; false when it is down. */
  send(message: LiveClientMessage): boolean;
  /** To every mail page. */
  broadcast(update: PresenceUpdate): void;
}

const rank = (state: PresenceState | null) =>
  state === 'replying' ? 2 : state === 'viewing' ? 1 : 0;

/**
 * The worker's presence: what each mail page of this browser shows (merged per
 * conversation, replying over viewing, and told to the server while it lasts) and who
 * else is on which conversation (told to every page, never the member's own entries).
 */
export class PresenceHub<Page = unknown> {
  private readonly pages = new Map<Page, Map<string, PresenceState>>();
  /** What the server holds for this browser, per conversation, on the current socket. */
  private readonly told = new Map<string, PresenceState>();
  private readonly heard = new Map<string, { entries: PresenceEntry[]; at: number }>();
  private me: string | null = null;
  private timer: unknown = null;

  constructor(private readonly opts: PresenceHubOptions) {}

  /** A page shows `conversationId` (viewing or replying), or no longer does (null). */
  report(page: Page, conversationId: string, state: PresenceState | null) {
    const shown = this.pages.get(page) ?? new Map<string, PresenceState>();
    if (state) shown.set(conversationId, state);
    else shown.delete(conversationId);
    if (shown.size > 0) this.pages.set(page, shown);
    else this.pages.delete(page);
    this.tell(conversationId);
    this.keepTimer();
  }

  /** A page went away: whatever it showed ends. */
  dropPage(page: Page) {
    const shown = this.pages.get(page);
    this.pages.delete(page);
    for (const conversationId of shown?.keys() ?? []) this.tell(conversationId);
    this.keepTimer();
  }

  /** The signed-in member, whose own entries pages never hear. */
  setMe(memberId: string | null) {
    if (memberId === this.me) return;
    // Another sign-in: what was heard belonged to the previous member's workspace.
    if (this.me !== null) {
      this.heard.clear();
      this.told.clear();
    }
    this.me = memberId;
    this.opts.broadcast(this.snapshot());
  }

  /** The realtime channel opened or dropped: the server's view starts over either way. */
  connected(open: boolean) {
    this.told.clear();
    this.heard.clear();
    this.opts.broadcast(this.snapshot());
    if (open) for (const conversationId of this.merged().keys()) this.tell(conversationId);
    this.keepTimer();
  }

  /** The server's entries for one conversation. */
  received(conversationId: string, entries: PresenceEntry[]) {
    if (entries.length > 0) this.heard.set(conversationId, { entries, at: this.opts.timers.now() });
    else this.heard.delete(conversationId);
    this.opts.broadcast({
      type: 'update',
      conversationId,
      entries: this.others(entries),
    });
    this.keepTimer();
  }

  /** Everything a newly connected page should know. */
  snapshot(): PresenceUpdate {
    const entries = [...this.heard.values()].flatMap((h) => this.others(h.entries));
    return { type: 'snapshot', entries };
  }

  /** Renews what this browser shows and forgets entries nobody renewed. */
  tick() {
    for (const [conversationId, state] of this.merged()) this.send(conversationId, state);
    const stale = this.opts.timers.now() - PRESENCE_HEARD_MS;
    for (const [conversationId, { at }] of this.heard) {
      if (at <= stale) this.received(conversationId, []);
    }
    this.keepTimer();
  }

  private others(entries: PresenceEntry[]) {
    return entries.filter((e) => e.memberId !== this.me);
  }

  private merged() {
    const merged = new Map<string, PresenceState>();
    for (const shown of this.pages.values()) {
      for (const [conversationId, state] of shown) {
        if (rank(state) > rank(merged.get(conversationId) ?? null))
          merged.set(conversationId, state);
      }
    }
    return merged;
  }

  private tell(conversationId: string) {
    const state = this.merged().get(conversationId) ?? null;
    if ((this.told.get(conversationId) ?? null) === state) return;
    this.send(conversationId, state);
  }

  private send(conversationId: string, state: PresenceState | null) {
    if (!this.opts.send({ type: 'presence', conversationId, state })) return;
    if (state) this.told.set(conversationId, state);
    else this.told.delete(conversationId);
  }

  private keepTimer() {
    const needed = this.pages.size > 0 || this.heard.size > 0;
    if (needed && this.timer === null) {
      this.timer = this.opts.timers.setInterval(() => this.tick(), PRESENCE_RENEW_MS);
    } else if (!needed && this.timer !== null) {
      this.opts.timers.clearInterval(this.timer);
      this.timer = null;
    }
  }
}
