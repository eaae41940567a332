import type { InboxSDK } from '@inboxsdk/core';
import { Queue } from '../../schema/messages';
import type { QueueView } from '../types';
import { untilDestroyed } from './view-signal';

type Router = InboxSDK['Router'];

/** Gmail custom route of a queue; InboxSDK URI-encodes the param ("tag:billing"). */
export const QUEUE_ROUTE = 'sidedesk/:queue';

export function handleQueues(
  router: Router,
  handler: (view: QueueView) => void,
  signal: AbortSignal,
) {
  const unregister = router.handleCustomRoute(QUEUE_ROUTE, (view) => {
    const queue = Queue.safeParse(view.getParams().queue);
    if (!queue.success) return;
    handler({ queue: queue.data, element: view.getElement(), signal: untilDestroyed(view) });
  });
  signal.addEventListener('abort', unregister, { once: true });
}

export function gotoQueue(router: Router, queue: Queue) {
  return router.goto(QUEUE_ROUTE, { queue });
}

export function gotoThread(router: Router, threadId: string) {
  return router.goto(router.NativeRouteIDs.THREAD, { threadID: threadId });
}
