import type { Conversation, ThreadRef } from '../schema';
import type { Background } from './background';
import { type PageLists, pageLists } from './page-lists';
import { refLookup } from './ref-lookup';
import { type ThreadReads, threadMemory } from './thread-memory';

/** What the features of one mail page read through together. */
export interface PageData {
  lists: PageLists;
  /** The cached conversation of a host thread, batched with the page's other lookups. */
  lookup(ref: ThreadRef): Promise<Conversation | null>;
  threads: ThreadReads;
}

/**
 * One set per page: the rows' lookups and the sidebars' reads share their requests, and
 * what the list looked up lets the sidebar draw a thread the moment it opens.
 */
export function pageData(background: Background, signal: AbortSignal): PageData {
  const lists = pageLists(background, signal);
  const threads = threadMemory(background, lists, signal);
  const batched = refLookup(background.send);
  return {
    lists,
    threads,
    lookup(ref) {
      const asked = threads.epoch();
      return batched(ref).then((conversation) => {
        threads.seen(ref, conversation, asked);
        return conversation;
      });
    },
  };
}
