import type { Conversation, ThreadRef } from '../schema';
import { refKey } from '../thread-ref';
import type { Background } from './background';

/** Lookups made within one burst (a page of rows, a pull's notices) travel together. */
const BATCH_MS = 16;
/** The most refs one request carries (the message's limit). */
const BATCH_SIZE = 500;

type Waiting = { ref: ThreadRef; answer: Promise<Conversation | null>; settle: Settle };
type Settle = { resolve(c: Conversation | null): void; reject(e: unknown): void };

/**
 * The cached conversation of a host thread. A feature asking for dozens of rows sends one
 * `getConversationsByRefs`, and a thread asked for twice in one burst is asked once.
 */
export function refLookup(send: Background['send']) {
  let waiting = new Map<string, Waiting>();
  const flush = () => {
    const batch = [...waiting.values()];
    waiting = new Map();
    for (let i = 0; i < batch.length; i += BATCH_SIZE) {
      const part = batch.slice(i, i + BATCH_SIZE);
      send({ type: 'getConversationsByRefs', refs: part.map((w) => w.ref) }).then(
        (found) => {
          for (const [j, w] of part.entries()) w.settle.resolve(found[j] ?? null);
        },
        (error: unknown) => {
          for (const w of part) w.settle.reject(error);
        },
      );
    }
  };
  return (ref: ThreadRef): Promise<Conversation | null> => {
    const key = refKey(ref);
    const known = waiting.get(key);
    if (known) return known.answer;
    let settle!: Settle;
    const answer = new Promise<Conversation | null>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // The first lookup of a burst schedules its request.
    if (waiting.size === 0) setTimeout(flush, BATCH_MS);
    waiting.set(key, { ref, answer, settle });
    return answer;
  };
}
