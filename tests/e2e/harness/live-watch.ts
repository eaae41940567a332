import type { Page } from '@playwright/test';

/**
 * What a page must show, found across the page and every open shadow root (the sidebar
 * and Outlook's row chips live in ours): inside the first element matching `within`
 * (whose text has `withinText`, when given), the elements matching `selector`, whose
 * texts (less those matching `ignore`) must equal `equals` in order, or one of which must
 * match the pattern `matches`.
 */
export type Probe = {
  within: { selector: string; withinText?: string };
  selector: string;
  /** A pattern of texts to leave out before comparing (another story's chips). */
  ignore?: string;
} & ({ equals: string[] } | { matches: string });

const WATCHES = '__sidedeskWatches';
const WATCH_LIMIT_MS = 30_000;

/**
 * Times a change across browsers without polling: a MutationObserver in the page (which
 * is never throttled) notes the wall-clock time at which `probe` first holds. Installed
 * before the change is made; `seenAt()` resolves with that time, or null if it did not
 * happen within 30 s. Browsers on one machine share the wall clock. The watch is kept
 * cheap, since it runs beside what it times: the `within` element is looked for across
 * the page only when it is not known or was replaced, and each check reads inside it.
 */
export async function watchFor(
  page: Page,
  probe: Probe,
): Promise<{ seenAt(): Promise<number | null> }> {
  const id = await page.evaluate(
    ({ probe, store, limitMs }) => {
      // No named helpers outside this function: the page must get it whole.
      const deepAll = (root: ParentNode, selector: string): Element[] => {
        const found = [...root.querySelectorAll(selector)];
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
        }
        return found;
      };
      const { selector, withinText } = probe.within;
      let scope: Element | undefined;
      const findScope = () =>
        deepAll(document, selector).find(
          (el) => withinText === undefined || (el.textContent ?? '').includes(withinText),
        );
      const holds = () => {
        if (!scope?.isConnected) return false;
        const ignored = probe.ignore === undefined ? null : new RegExp(probe.ignore);
        const texts = deepAll(scope, probe.selector)
          .map((el) => (el.textContent ?? '').trim())
          .filter((t) => !ignored?.test(t));
        if ('equals' in probe) {
          return (
            texts.length === probe.equals.length && texts.every((t, i) => t === probe.equals[i])
          );
        }
        const pattern = new RegExp(probe.matches);
        return texts.some((t) => pattern.test(t));
      };
      const global = window as unknown as Record<string, Promise<number | null>[]>;
      global[store] ??= [];
      const watches = global[store];
      watches.push(
        new Promise<number | null>((resolve) => {
          const watched = new WeakSet<Node>();
          const options = { subtree: true, childList: true, characterData: true, attributes: true };
          const observe = (root: Node) => {
            if (watched.has(root)) return;
            watched.add(root);
            observer.observe(root, options);
          };
          // The page and every shadow root in it: a scope may appear anywhere.
          const observeAll = (root: Document | ShadowRoot) => {
            observe(root);
            for (const el of root.querySelectorAll('*')) {
              if (el.shadowRoot) observeAll(el.shadowRoot);
            }
          };
          // Changes inside the scope, its own shadow roots (Outlook's chips) included.
          const observeScope = (el: Element) => {
            const root = el.getRootNode();
            if (root instanceof ShadowRoot) observe(root);
            for (const inner of [el, ...el.querySelectorAll('*')]) {
              if (inner.shadowRoot) observe(inner.shadowRoot);
            }
          };
          const check = () => {
            if (!scope?.isConnected) {
              scope = findScope();
              if (!scope) return observeAll(document);
            }
            observeScope(scope);
            if (holds()) finish(Date.now());
          };
          const observer = new MutationObserver(check);
          const timer = setTimeout(() => finish(null), limitMs);
          const finish = (at: number | null) => {
            observer.disconnect();
            clearTimeout(timer);
            resolve(at);
          };
          observe(document);
          check();
        }),
      );
      return watches.length - 1;
    },
    { probe, store: WATCHES, limitMs: WATCH_LIMIT_MS },
  );
  return {
    seenAt: () =>
      page.evaluate(
        ({ id, store }) =>
          (window as unknown as Record<string, Promise<number | null>[]>)[store]?.[id] ?? null,
        { id, store: WATCHES },
      ),
  };
}

/** The wall-clock time at which the page's next click is dispatched, once it is. */
export async function nextClick(page: Page): Promise<{ at(): Promise<number> }> {
  await page.evaluate((store) => {
    (window as unknown as Record<string, Promise<number>>)[store] = new Promise((resolve) =>
      document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true }),
    );
  }, `${WATCHES}Click`);
  return {
    at: () =>
      page.evaluate(
        (store) => (window as unknown as Record<string, Promise<number>>)[store] ?? Number.NaN,
        `${WATCHES}Click`,
      ),
  };
}

/**
 * Resolves once the page has run no long task (over 50 ms) for `quietMs`: a timing is
 * then taken from a page that is not still starting up (InboxSDK, the list's reads).
 */
export function settled(page: Page, quietMs = 500): Promise<void> {
  return page.evaluate(
    (quietMs) =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration);
        });
        observer.observe({ type: 'longtask' });
        const timer = setInterval(() => {
          if (performance.now() - last < quietMs) return;
          clearInterval(timer);
          observer.disconnect();
          resolve();
        }, 50);
      }),
    quietMs,
  );
}
