/**
 * One watcher shared by every handler, as InboxSDK shares one view per row: two features
 * watching rows must see the same rows, or each would redraw the chips the other cleared.
 * It starts with the first handler and stops with the last; a handler registered later
 * hears the live items first.
 */
export function fanOut<T extends { readonly signal: AbortSignal }>(
  start: (emit: (item: T) => void, signal: AbortSignal) => void,
) {
  const handlers = new Set<(item: T) => void>();
  const live = new Set<T>();
  let running: AbortController | null = null;
  const emit = (item: T) => {
    live.add(item);
    item.signal.addEventListener('abort', () => live.delete(item), { once: true });
    for (const handler of handlers) handler(item);
  };
  return (handler: (item: T) => void, signal: AbortSignal) => {
    if (signal.aborted) return;
    handlers.add(handler);
    signal.addEventListener(
      'abort',
      () => {
        handlers.delete(handler);
        if (handlers.size > 0) return;
        running?.abort();
        running = null;
      },
      { once: true },
    );
    for (const item of [...live]) handler(item);
    if (running) return;
    running = new AbortController();
    start(emit, running.signal);
  };
}
