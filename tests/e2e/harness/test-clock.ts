import type { CDPSession, Page, Worker } from '@playwright/test';

/** The ticker's alarm (SLA_ALARM in lib/sla-ticker/ticker.ts, which imports Dexie). */
const SLA_ALARM = 'sidedesk-sla';

/**
 * One moved clock for everything that judges SLA time in a test: the API (started with
 * TEST_CLOCK=true, `PUT /__test/clock`), the extension's service workers and the content
 * scripts of mail pages. Each reads `real time + offset`, so time still flows and every
 * party agrees. Playwright's `page.clock` cannot do this: it moves only a page's main
 * world, while Sidedesk's countdowns are drawn by content scripts (an isolated world) from
 * the background's ticker (a service worker).
 *
 * Only `Date.now()` moves (every countdown, the ticker and its timers read it); `new Date()`
 * stays real. A worker restarted by Chrome loses its offset: `set` again after a restart.
 */
export class TestClock {
  private offsetMs = 0;
  private readonly workers = new Set<Worker>();
  private readonly pages = new Map<Page, Promise<PageWorlds>>();

  constructor(private readonly apiUrl: string) {}

  /** What `Date.now()` reads in every party the clock drives. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** A service worker whose `Date.now()` follows the clock. */
  async addWorker(worker: Worker) {
    this.workers.add(worker);
    await moveWorker(worker, this.offsetMs, false);
  }

  /** A mail page whose content scripts' `Date.now()` follows the clock. */
  async addPage(page: Page) {
    const worlds = PageWorlds.attach(page);
    this.pages.set(page, worlds);
    await (await worlds).move(this.offsetMs);
  }

  /**
   * Moves every party so that `Date.now()` reads `at` now (never back: the offset only
   * grows), then wakes each worker's SLA ticker, as its alarm would: the pages hear a
   * `clock` notice and redraw, and the ticker waits for what comes next from there.
   */
  async set(at: number) {
    const offsetMs = Math.max(this.offsetMs, at - Date.now());
    this.offsetMs = offsetMs;
    const answer = await fetch(`${this.apiUrl}/__test/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs }),
    });
    if (!answer.ok) throw new Error(`PUT /__test/clock: ${answer.status} ${await answer.text()}`);
    for (const worlds of this.pages.values()) await (await worlds).move(offsetMs);
    for (const worker of this.workers) await moveWorker(worker, offsetMs, true);
  }
}

type Moved = typeof globalThis & { __sidedeskRealNow?: () => number; __sidedeskOffset?: number };

/** Installed once per JS world; later calls only change the offset. */
function installClock(offsetMs: number) {
  const g = globalThis as Moved;
  if (!g.__sidedeskRealNow) {
    const real = Date.now.bind(Date);
    g.__sidedeskRealNow = real;
    Date.now = () => real() + (g.__sidedeskOffset ?? 0);
  }
  g.__sidedeskOffset = offsetMs;
}

async function moveWorker(worker: Worker, offsetMs: number, wake: boolean) {
  await worker.evaluate(installClock, offsetMs);
  if (!wake) return;
  // The ticker's own alarm: fires at once for an unpacked extension, and the background
  // answers it with a wake (a clock notice to the pages, then a check).
  await worker.evaluate(
    (name) =>
      chrome.alarms.create(name, { when: (globalThis as Moved).__sidedeskRealNow?.() ?? 0 }),
    SLA_ALARM,
  );
}

type ContextDescription = {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean };
};

/** A page's isolated worlds (content scripts), found and reached through DevTools. */
class PageWorlds {
  private readonly contexts = new Map<number, ContextDescription>();

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    const worlds = new PageWorlds(cdp);
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const c = context as ContextDescription;
      // Playwright's own utility worlds are isolated too.
      if (c.auxData?.type === 'isolated' && !c.name.startsWith('__playwright')) {
        worlds.contexts.set(c.id, c);
      }
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
      worlds.contexts.delete(executionContextId as number);
    });
    cdp.on('Runtime.executionContextsCleared', () => worlds.contexts.clear());
    await cdp.send('Runtime.enable');
    return worlds;
  }

  async move(offsetMs: number) {
    if (this.contexts.size === 0) throw new Error('no content script runs in this page');
    for (const { id } of this.contexts.values()) {
      const { exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
        contextId: id,
        expression: `(${installClock.toString()})(${offsetMs})`,
      });
      if (exceptionDetails)
        throw new Error(`moving a content script's clock: ${exceptionDetails.text}`);
    }
  }
}

/** Records every notification a worker shows (a shown one closes by itself in seconds). */
export async function watchNotifications(worker: Worker) {
  await worker.evaluate(() => {
    const g = globalThis as typeof globalThis & { shownNotifications?: unknown[] };
    if (g.shownNotifications) return;
    const shown: { id: string; title: string; message: string; contextMessage: string }[] = [];
    g.shownNotifications = shown;
    const create = chrome.notifications.create.bind(chrome.notifications);
    const spy = (id: string, options: chrome.notifications.NotificationCreateOptions) => {
      shown.push({
        id,
        title: options.title ?? '',
        message: options.message ?? '',
        contextMessage: options.contextMessage ?? '',
      });
      return create(id, options);
    };
    chrome.notifications.create = spy as unknown as typeof chrome.notifications.create;
  });
  return () =>
    worker.evaluate(
      () =>
        (
          globalThis as unknown as {
            shownNotifications: {
              id: string;
              title: string;
              message: string;
              contextMessage: string;
            }[];
          }
        ).shownNotifications,
    );
}
