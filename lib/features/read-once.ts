import type { OpenedThread, ReadResult } from '../hosts/types';
import type { ConversationMeta } from '../schema';

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
    read = thread.read();
    reads.set(thread, read);
  }
  return read;
}
