import type { Conversation, Member, Tag, ThreadRef } from '../schema';
import type { SessionState } from '../schema/messages';
import type { PageLists } from './page-lists';
import { onlyTimePassed } from './sla-chip';
import type { ThreadReads } from './thread-memory';

/** Everything the thread sidebar draws, as the background's cache has it now. */
export interface ThreadData {
  conversation: Conversation | null;
  members: Member[];
  tags: Tag[];
  session: SessionState;
  /** This conversation's changes still waiting in the outbox. */
  pending: number;
}

/**
 * Draws the thread as this page last read it, at once if it did (before returning), then
 * from the cache, then again after every change the background announces (not after a
 * tick of the SLA clock); members and tags come from the page's lists. Stops with `signal`.
 */
export async function watchThread(
  ref: ThreadRef,
  threads: ThreadReads,
  lists: PageLists,
  onData: (data: ThreadData) => void,
  signal: AbortSignal,
): Promise<void> {
  const recalled = threads.recall(ref);
  const known = lists.known();
  if (recalled && known) onData({ ...recalled, ...known });
  let latest = 0;
  const load = async () => {
    const run = ++latest;
    const [thread, members, tags] = await Promise.all([
      threads.read(ref),
      lists.members(),
      lists.tags(),
    ]);
    // An older read finishing late must not overwrite a newer one.
    if (run === latest && !signal.aborted) onData({ ...thread, members, tags });
  };
  const unsubscribe = lists.subscribe((notice) => {
    // Time passing changes no record: the sidebar redraws its countdowns by itself.
    if (!onlyTimePassed(notice)) void load().catch(() => {});
  });
  signal.addEventListener('abort', unsubscribe, { once: true });
  await load();
}
