import type { Conversation, ThreadRef } from '../schema';
import type { Background } from './background';
import { type PageLists, pageLists } from './page-lists';
import { type PagePresence, pagePresence } from './page-presence';
import { refLookup } from './ref-lookup';
import { type ThreadReads, threadMemory } from './thread-memory';

/** What the features of one mail page read through together. */
export interface PageData {
  lists: PageLists;
  /** The cached conversation of a host thread, batched with the page's other lookups. */
  lookup(ref: ThreadRef): Promise<Conversation | null>;
  threads: ThreadReads;
  /** Who else is on which conversation, and what this page shows (made on first use). */
  presence: PagePresence;
}

/**
 * One set per page: the rows' lookups and the sidebars' reads share their requests, and
 * what the list looked up lets the sidebar draw a thread the moment it opens.
 */
export function pageData(background: Background, signal: AbortSignal): PageData {
  const lists = pageLists(background, signal);
  const threads = threadMemory(background, lists, signal);
  const batched = refLookup(background.send);
  let presence: PagePresence | null = null;
  return {
    lists,
    threads,
    get presence() {
      presence ??= pagePresence(background.presence, signal);
      return presence;
    },
    lookup(ref) {
      const asked = threads.epoch();
      return batched(ref).then((conversation) => {
        threads.seen(ref, conversation, asked);
        return conversation;
      });
    },
  };
}
