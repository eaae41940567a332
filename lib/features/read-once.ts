import type { OpenedThread, ReadResult } from '../hosts/types';
import type { ConversationMeta } from '../schema';

/** Past this, the read starts even if the page never goes idle. */
const IDLE_WAIT_MS = 500;

/**
 * Resolves when the page has a moment to spare: reading a thread (Gmail's "Show
 * original", the recipients) and recording it would otherwise compete with the sidebar's
 * first paint, which the cache can already serve.
 */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: IDLE_WAIT_MS });
    } else {
      setTimeout(resolve, 0);
    }
  });
}

const reads = new WeakMap<Pick<OpenedThread, 'read'>, Promise<ReadResult<ConversationMeta>>>();

/**
 * The page is read once per opened thread: the upsert records what it found, and the
 * sidebar tells why nothing could be recorded when the read failed.
 */
export function readOnce(
  thread: Pick<OpenedThread, 'read'>,
): Promise<ReadResult<ConversationMeta>> {
  let read = reads.get(thread);
  if (!read) {
    read = idle().then(() => thread.read());
    reads.set(thread, read);
  }
  return read;
}
