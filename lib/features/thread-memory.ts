import type { Conversation, ThreadRef } from '../schema';
import type { ResponseOf } from '../schema/messages';
import { refKey } from '../thread-ref';
import type { Background } from './background';
import type { PageLists } from './page-lists';

export type ThreadAnswer = ResponseOf<'getThread'>;

/** Reading an open thread, and recalling what this page last learnt of it. */
export interface ThreadReads {
  read(ref: ThreadRef): Promise<ThreadAnswer>;
  /** What the thread would read now, from what the page knows; null when unsure. */
  recall(ref: ThreadRef): ThreadAnswer | null;
  /** Records what a list lookup found, if nothing was forgotten since epoch `asked`. */
  seen(ref: ThreadRef, conversation: Conversation | null, asked: number): void;
  /** Moves on whenever something is forgotten: an answer asked for before is too old. */
  epoch(): number;
}

/**
 * Keeps each thread's last `getThread` answer, and the conversations the list looked up,
 * so that opening a thread draws at once, before the worker (a hop through the browser,
 * often busy syncing) answers. A notice naming a conversation forgets it; one about the
 * sync state renews the shared session part right away (nothing is recalled until it is
 * back), so what is recalled is never older than the notices heard. A listed
 * conversation's own outbox count is not known, so it is recalled only while the whole
 * outbox is empty.
 */
export function threadMemory(
  background: Pick<Background, 'send' | 'subscribe'>,
  lists: PageLists,
  signal: AbortSignal,
): ThreadReads {
  const answers = new Map<string, Omit<ThreadAnswer, 'session'>>();
  const listed = new Map<string, Conversation>();
  let session: ThreadAnswer['session'] | null = null;
  let renewing: Promise<unknown> | null = null;
  let epoch = 0;
  const forgetAll = () => {
    answers.clear();
    listed.clear();
    session = null;
    renewing = null;
    epoch++;
  };
  const renewSession = () => {
    session = null;
    const renewed = background.send({ type: 'getState' });
    renewing = renewed;
    renewed.then(
      (state) => {
        if (renewing === renewed) session = state;
      },
      () => {},
    );
  };
  const unsubscribe = lists.subscribe((notice) => {
    if (notice.tables.includes('conversations') || notice.tables.includes('session')) {
      forgetAll();
      return;
    }
    const named = new Set(notice.conversationIds);
    if (named.size > 0) epoch++;
    for (const [key, { conversation }] of answers) {
      if (conversation && named.has(conversation.id)) answers.delete(key);
    }
    for (const [key, conversation] of listed) {
      if (named.has(conversation.id)) listed.delete(key);
    }
    if (notice.tables.includes('sync') && answers.size + listed.size > 0) renewSession();
  });
  signal.addEventListener('abort', unsubscribe, { once: true });

  return {
    async read(ref) {
      const asked = epoch;
      const answer = await background.send({ type: 'getThread', ref });
      // A thread not recorded yet will be under an id no notice can name: not kept.
      if (answer.conversation && asked === epoch) {
        answers.set(refKey(ref), { conversation: answer.conversation, pending: answer.pending });
        session = answer.session;
        renewing = null;
      }
      return answer;
    },
    recall(ref) {
      if (!session) return null;
      const key = refKey(ref);
      const answer = answers.get(key);
      if (answer) return { ...answer, session };
      const conversation = listed.get(key);
      if (!conversation || session.sync.pending > 0) return null;
      return { conversation, session, pending: 0 };
    },
    seen(ref, conversation, asked) {
      if (!conversation || asked !== epoch) return;
      listed.set(refKey(ref), conversation);
      if (!session && !renewing) renewSession();
    },
    epoch: () => epoch,
  };
}
