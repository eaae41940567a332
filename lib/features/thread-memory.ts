import type { ThreadRef } from '../schema';
import type { ResponseOf } from '../schema/messages';
import { refKey } from '../thread-ref';
import type { Background } from './background';
import type { PageLists } from './page-lists';

export type ThreadAnswer = ResponseOf<'getThread'>;

/** Reading an open thread, and recalling what the last read of it on this page found. */
export interface ThreadReads {
  read(ref: ThreadRef): Promise<ThreadAnswer>;
  /** The last answer for `ref`, while no change notice has outdated it; null otherwise. */
  recall(ref: ThreadRef): ThreadAnswer | null;
}

/**
 * Keeps each thread's last `getThread` answer so that opening it again draws at once,
 * before the worker (a hop through the browser, and often busy syncing) answers. A notice
 * naming the conversation forgets it; one about the sync state renews the shared session
 * part right away (nothing is recalled until it is back), so what is recalled is never
 * older than the notices heard.
 */
export function threadMemory(
  background: Background,
  lists: PageLists,
  signal: AbortSignal,
): ThreadReads {
  const threads = new Map<string, Omit<ThreadAnswer, 'session'>>();
  let session: ThreadAnswer['session'] | null = null;
  let renewing: Promise<unknown> | null = null;
  const forgetAll = () => {
    threads.clear();
    session = null;
    renewing = null;
  };
  const unsubscribe = lists.subscribe((notice) => {
    if (notice.tables.includes('conversations') || notice.tables.includes('session')) {
      forgetAll();
      return;
    }
    for (const [key, { conversation }] of threads) {
      if (conversation && notice.conversationIds.includes(conversation.id)) threads.delete(key);
    }
    if (notice.tables.includes('sync') && threads.size > 0) {
      session = null;
      const renewed = background.send({ type: 'getState' });
      renewing = renewed;
      renewed.then(
        (state) => {
          if (renewing === renewed) session = state;
        },
        () => {},
      );
    }
  });
  signal.addEventListener('abort', unsubscribe, { once: true });

  return {
    async read(ref) {
      const answer = await background.send({ type: 'getThread', ref });
      // A thread not recorded yet will be under an id no notice can name: not kept.
      if (answer.conversation) {
        threads.set(refKey(ref), { conversation: answer.conversation, pending: answer.pending });
        session = answer.session;
        renewing = null;
      }
      return answer;
    },
    recall(ref) {
      const known = threads.get(refKey(ref));
      return known && session ? { ...known, session } : null;
    },
  };
}
