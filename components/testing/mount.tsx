import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Renders `ui` in a container of its own under a fresh query client (no retries, so a
 * refused request shows at once), for component tests in happy-dom. `unmount()` after.
 */
export async function mount(ui: ReactNode) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    root.render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
  });
  return {
    container,
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets effects and mocked requests run, 10 ms at a time, until `done()` (1 s at most). */
export async function settle(done: () => boolean) {
  for (let i = 0; i < 100 && !done(); i++)
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

/** Elements with `data-testid="id"` in the document, in order. */
export const byTestId = (id: string) => [...document.querySelectorAll(`[data-testid="${id}"]`)];

export const click = (el: Element) => act(async () => (el as HTMLElement).click());

/** Sets an input's or select's value as a user would, so React's handlers see it. */
export async function type(el: Element, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement : HTMLInputElement;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto.prototype, 'value')?.set?.call(el, value);
    el.dispatchEvent(
      new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}
