import type { PresencePort } from '../presence-port';
import type { PresenceEntry, PresenceState } from '../schema';
import type { PresenceUpdate } from '../schema/presence-port';
import type { MyReply } from './collision';

export interface ReplyHandle {
  /** The send was held to show a warning: the next one goes. */
  hold(): void;
  readonly reply: MyReply;
  release(): void;
}

/** What the features of one mail page share about presence. */
export interface PagePresence {
  /** The other members on a conversation now (never me). */
  others(conversationId: string): PresenceEntry[];
  /** This page shows the conversation (viewing, replying) until the returned call. */
  show(conversationId: string, state: PresenceState): () => void;
  /** One of my reply drafts on the conversation opened: shows it as replying. */
  openReply(conversationId: string, lastMessageAt: string | null): ReplyHandle;
  /** My newest reply draft on the conversation still open, if any. */
  myReply(conversationId: string): MyReply | null;
  /** Hears which conversations' presence changed (null: any may have). */
  subscribe(listener: (conversationIds: string[] | null) => void): () => void;
}

const rank = (state: PresenceState) => (state === 'replying' ? 2 : 1);

/**
 * One per page: merges what the page's features show into one state per conversation
 * (replying over viewing), reports it to the worker, and keeps who else is where.
 */
export function pagePresence(
  connect: (listener: (update: PresenceUpdate) => void) => PresencePort,
  signal: AbortSignal,
): PagePresence {
  const others = new Map<string, PresenceEntry[]>();
  const shows = new Map<string, Map<symbol, PresenceState>>();
  const replies = new Map<string, Map<symbol, MyReply>>();
  const listeners = new Set<(conversationIds: string[] | null) => void>();
  const tell = (conversationIds: string[] | null) => {
    for (const listener of listeners) listener(conversationIds);
  };
  const port = connect((update) => {
    if (update.type === 'snapshot') {
      others.clear();
      for (const entry of update.entries) {
        others.set(entry.conversationId, [...(others.get(entry.conversationId) ?? []), entry]);
      }
      tell(null);
    } else {
      if (update.entries.length > 0) others.set(update.conversationId, update.entries);
      else others.delete(update.conversationId);
      tell([update.conversationId]);
    }
  });
  signal.addEventListener('abort', () => port.close(), { once: true });

  const merged = (conversationId: string) => {
    let best: PresenceState | null = null;
    for (const state of shows.get(conversationId)?.values() ?? []) {
      if (best === null || rank(state) > rank(best)) best = state;
    }
    return best;
  };
  const show = (conversationId: string, state: PresenceState) => {
    const token = Symbol(state);
    const before = merged(conversationId);
    const mine = shows.get(conversationId) ?? new Map<symbol, PresenceState>();
    shows.set(conversationId, mine.set(token, state));
    if (merged(conversationId) !== before) port.report(conversationId, merged(conversationId));
    return () => {
      const was = merged(conversationId);
      mine.delete(token);
      if (mine.size === 0) shows.delete(conversationId);
      const now = merged(conversationId);
      if (now !== was) port.report(conversationId, now);
    };
  };

  return {
    others: (conversationId) => others.get(conversationId) ?? [],
    show,
    openReply(conversationId, lastMessageAt) {
      const token = Symbol('reply');
      const reply: MyReply = { lastMessageAt, held: false };
      const open = replies.get(conversationId) ?? new Map<symbol, MyReply>();
      replies.set(conversationId, open.set(token, reply));
      const hide = show(conversationId, 'replying');
      tell([conversationId]);
      return {
        reply,
        hold() {
          reply.held = true;
          tell([conversationId]);
        },
        release() {
          hide();
          open.delete(token);
          if (open.size === 0) replies.delete(conversationId);
          tell([conversationId]);
        },
      };
    },
    myReply: (conversationId) => [...(replies.get(conversationId)?.values() ?? [])].at(-1) ?? null,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
