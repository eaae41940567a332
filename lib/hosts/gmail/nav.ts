import type { InboxSDK, NavItemView } from '@inboxsdk/core';
import type { QueueNav, QueueNavItem } from '../types';
import { QUEUE_ROUTE } from './queues';

type NavMenu = InboxSDK['NavMenu'];

/**
 * A parent item in Gmail's left navigation with one child per queue; each child is a
 * link to the queue's custom route. A changed list is drawn again whole, so InboxSDK
 * keeps the given order (items added later would otherwise sort by their own hints).
 */
export function addQueueNav(
  navMenu: NavMenu,
  title: string,
  items: readonly QueueNavItem[],
  signal: AbortSignal,
): QueueNav {
  const parent = navMenu.addNavItem({ name: title });
  let children: NavItemView[] = [];
  let drawn = '';
  const setItems = (next: readonly QueueNavItem[]) => {
    const key = JSON.stringify(next);
    if (signal.aborted || key === drawn) return;
    drawn = key;
    for (const child of children) child.remove();
    children = next.map((item, index) =>
      parent.addNavItem({
        name: item.name,
        routeID: QUEUE_ROUTE,
        routeParams: { queue: item.queue },
        orderHint: index,
      }),
    );
  };
  setItems(items);
  signal.addEventListener('abort', () => parent.remove(), { once: true });
  return { setItems };
}
