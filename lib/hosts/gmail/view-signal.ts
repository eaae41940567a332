/** The shape every InboxSDK view shares: a `destroyed` flag and a "destroy" event. */
interface Destroyable {
  destroyed?: boolean;
  once(event: 'destroy', listener: () => void): unknown;
}

/** Aborts when InboxSDK destroys the view (the row scrolls away, the thread closes...). */
export function untilDestroyed(view: Destroyable): AbortSignal {
  const controller = new AbortController();
  if (view.destroyed) controller.abort();
  else view.once('destroy', () => controller.abort());
  return controller.signal;
}
