import { WATCHED_ATTRIBUTES } from './selectors';

/**
 * Calls back after each batch of changes under `root` (nodes, text, and the attributes
 * Outlook's rows, pane and drafts are told by), until `signal` aborts. Never polls: React
 * re-renders and virtual scrolling all arrive as mutations.
 */
export function onDomChange(root: Node, callback: () => void, signal: AbortSignal) {
  if (signal.aborted) return;
  const observer = new MutationObserver(callback);
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * The first non-null value of `find`, looked for now and after every change under `root`;
 * rejects after `timeoutMs` (never, when infinite) or when `signal` aborts.
 */
export function waitFor<T>(
  root: Node,
  find: () => T | null,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const found = find();
    if (found !== null) return resolve(found);
    const stop = new AbortController();
    const done = AbortSignal.any([signal, stop.signal]);
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          stop.abort();
          reject(new Error(`not found within ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs)
      : undefined;
    done.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        if (signal.aborted) reject(signal.reason);
      },
      { once: true },
    );
    onDomChange(
      root,
      () => {
        const value = find();
        if (value === null) return;
        stop.abort();
        resolve(value);
      },
      done,
    );
  });
}
