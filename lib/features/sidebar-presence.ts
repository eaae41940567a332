import { collisionWarning } from './collision';
import type { PagePresence } from './page-presence';
import { presenceLine } from './presence-line';
import type { ThreadData } from './watch-thread';

/** What the sidebar shows of presence: who else is here, and a warning when replies collide. */
export interface PresenceView {
  line: string | null;
  collision: string | null;
}

/**
 * The sidebar's presence: this page views the conversation it shows while the thread is
 * open, and the sidebar is redrawn (`onChange`) when someone's presence on it changes.
 */
export function sidebarPresence(
  presence: PagePresence,
  mailbox: string,
  onChange: () => void,
  signal: AbortSignal,
) {
  let shown: { id: string; leave: () => void } | null = null;
  const unsubscribe = presence.subscribe((ids) => {
    if (shown && (ids === null || ids.includes(shown.id))) onChange();
  });
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      shown?.leave();
    },
    { once: true },
  );
  return {
    /** What to draw for the thread's data; marks the conversation as viewed from here. */
    view(data: ThreadData | null): PresenceView | null {
      const conversation = data?.conversation;
      if (!data || !conversation || signal.aborted) return null;
      if (shown?.id !== conversation.id) {
        shown?.leave();
        shown = { id: conversation.id, leave: presence.show(conversation.id, 'viewing') };
      }
      const others = presence.others(conversation.id);
      return {
        line: presenceLine(others, data.members),
        collision: collisionWarning({
          reply: presence.myReply(conversation.id),
          others,
          conversation,
          members: data.members,
          me: data.session.member,
          mailbox,
        }),
      };
    },
  };
}
