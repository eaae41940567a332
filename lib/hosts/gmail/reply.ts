import type { ComposeView, ThreadView } from '@inboxsdk/core';
import type { ReplyDraft } from '../types';
import { toOpenedCompose } from './compose';
import { REPLY_BUTTON } from './selectors';

/** How long Gmail may take to draw the inline reply after its button was pressed. */
const OPEN_WAIT_MS = 10_000;

type Register = (handler: (view: ComposeView) => void) => () => void;

/**
 * Reply drafts of the open threads: the adapter hands every compose view here, so a
 * thread can reuse the reply already open on it, or press Gmail's Reply and take the
 * inline reply that appears. Nothing here sends.
 */
export function replyDrafts(register: Register) {
  const live = new Set<ComposeView>();
  const waiting = new Set<(view: ComposeView) => void>();
  register((view) => {
    live.add(view);
    view.on('destroy', () => live.delete(view));
    for (const wake of waiting) wake(view);
  });

  const belongsTo = (view: ComposeView, thread: ThreadView, threadId: string) => {
    if (!view.isReply() || view.isForward()) return false;
    const element = view.getElement();
    if (thread.getMessageViewsAll().some((m) => m.getElement().contains(element))) return true;
    try {
      return view.getThreadID() === threadId;
    } catch {
      return false;
    }
  };

  return async function openReply(
    thread: ThreadView,
    threadId: string,
    signal: AbortSignal,
  ): Promise<ReplyDraft> {
    const open = [...live].find((view) => belongsTo(view, thread, threadId));
    if (open) return toOpenedCompose(open);
    const last = thread.getMessageViewsAll().at(-1)?.getElement();
    const scope = last?.closest('[role="main"]') ?? document;
    const button = scope.querySelector<HTMLElement>(REPLY_BUTTON);
    if (!button) throw new Error('Gmail shows no Reply button on this thread');
    const appeared = new Promise<ComposeView>((resolve, reject) => {
      const wake = (view: ComposeView) => {
        if (!belongsTo(view, thread, threadId)) return;
        done();
        resolve(view);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error('Gmail did not open a reply in time'));
      }, OPEN_WAIT_MS);
      const stop = () => {
        done();
        reject(new Error('the thread was closed'));
      };
      const done = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        signal.removeEventListener('abort', stop);
      };
      waiting.add(wake);
      signal.addEventListener('abort', stop, { once: true });
    });
    // Gmail's buttons act on the mouse sequence, not on `click` alone.
    for (const type of ['mousedown', 'mouseup', 'click']) {
      button.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window }));
    }
    return toOpenedCompose(await appeared);
  };
}

export type OpenReply = ReturnType<typeof replyDrafts>;
