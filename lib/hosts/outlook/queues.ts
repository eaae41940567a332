import type { Queue } from '../../schema/messages';
import type { QueueNav, QueueNavItem, QueueView } from '../types';
import type { Dock } from './panel';

/**
 * Queue pages for a host without custom routes. Outlook routes on its own paths and
 * rewrites history as it goes, so a hash or path of ours could be taken for its own or
 * dropped on its next navigation: the queue links and the page live in our panel, and
 * which queue is shown lives in memory (a reload shows the conversation view again).
 */
export function panelQueues(dock: Dock) {
  const handlers = new Set<(view: QueueView) => void>();
  let nav: { title: string; items: readonly QueueNavItem[] } | null = null;
  let shown: { queue: Queue; controller: AbortController } | null = null;

  const drawNav = () =>
    dock.setNav(
      nav?.title ?? null,
      (nav?.items ?? []).map((item) => ({
        label: item.name,
        current: shown?.queue === item.queue,
        select: () => show(item.queue),
      })),
    );
  const close = () => {
    shown?.controller.abort();
    shown = null;
    drawNav();
  };
  const show = (queue: Queue) => {
    close();
    const controller = new AbortController();
    shown = { queue, controller };
    const element = dock.showQueue(controller.signal, close);
    drawNav();
    for (const handler of handlers) handler({ queue, element, signal: controller.signal });
  };

  return {
    /** Back to the conversation view (a conversation was opened). */
    close,
    openQueue: async (queue: Queue) => show(queue),
    onQueueShown(handler: (view: QueueView) => void, signal: AbortSignal) {
      handlers.add(handler);
      signal.addEventListener('abort', () => handlers.delete(handler), { once: true });
    },
    addQueueNav(title: string, items: readonly QueueNavItem[], signal: AbortSignal): QueueNav {
      nav = { title, items };
      drawNav();
      signal.addEventListener(
        'abort',
        () => {
          nav = null;
          close();
        },
        { once: true },
      );
      return {
        setItems(next) {
          if (signal.aborted || !nav) return;
          nav = { title, items: next };
          drawNav();
        },
      };
    },
  };
}
