import type { ThreadRef } from './schema';

/** One string per host thread: the cache's index key and the pages' map key. */
export const refKey = (ref: ThreadRef) =>
  `${ref.host}|${ref.mailbox.toLowerCase()}|${ref.threadId}`;
