import type { Page } from '@playwright/test';
import { MARKS } from '../lib/perf-marks';
import type { ThreadRef } from '../lib/schema';
import { openGmail } from '../tests/e2e/harness/gmail';
import { CONVERSATIONS, openOutlook, SHARED_MAILBOX } from '../tests/e2e/harness/outlook';
import type { BrowserSession } from './browser-session';
import { inboxWithThreadRoute } from './thread-route-page';

export const OPENS = 40;
const WARM_UP = 3;
const ROUND_TRIPS = 200;
const QUIET_MS = 1_000;
const ORDER_THREAD: ThreadRef = {
  host: 'gmail',
  mailbox: 'ana@acme.test',
  threadId: '1a1e3845ce800a10',
};
const OUTLOOK_ORDER: ThreadRef = {
  host: 'outlook',
  mailbox: SHARED_MAILBOX,
  threadId: CONVERSATIONS.order,
};

/** How a host's page opens the order conversation and closes it again. */
interface OpenClose {
  ref: ThreadRef;
  /** Starts opening it (the marks are cleared first); the page does the rest. */
  open(page: Page): Promise<void>;
  /** Back to the list; resolves once the sidebar is gone. */
  close(page: Page): Promise<void>;
}

/** Resolves once the page has run no long task (over 50 ms) for `quietMs`. */
function settle(page: Page) {
  return page.evaluate(
    (quietMs) =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration);
        });
        observer.observe({ type: 'longtask' });
        // No named helpers in here: tsx would wrap them in a __name the page lacks.
        const timer = setInterval(() => {
          if (performance.now() - last < quietMs) return;
          clearInterval(timer);
          observer.disconnect();
          resolve();
        }, 100);
      }),
    QUIET_MS,
  );
}

/** One open's times from the thread handed over: ms to the sidebar's render and paint, and to the first frame. */
export interface OpenTimes {
  committed: number;
  painted: number;
  /** The first frame after the open, whatever it showed (the host's own cost). */
  frame: number;
  /** Whether the sidebar was painted in that first frame. */
  sameFrame: boolean;
}

/** Opens the conversation, waits for the sidebar's paint; the open's times. */
async function openToPaint(page: Page, host: OpenClose): Promise<OpenTimes> {
  const names: string[] = Object.values(MARKS);
  await page.evaluate((marks) => {
    for (const name of marks) performance.clearMarks(name);
  }, names);
  await host.open(page);
  await page.waitForFunction(
    (marks) => marks.every((name) => performance.getEntriesByName(name).length > 0),
    [MARKS.sidebarPainted, MARKS.threadFrame],
    { timeout: 30_000 },
  );
  const found = await page.evaluate(
    (marks) =>
      marks.map((name) =>
        performance.getEntriesByName(name).map((e) => ({
          at: e.startTime,
          frame: (e as PerformanceMark).detail?.frame as number | undefined,
        })),
      ),
    names,
  );
  const byName = new Map(names.map((name, i) => [name, found[i] ?? []]));
  const one = (name: string) => {
    const entries = byName.get(name) ?? [];
    if (entries.length !== 1 || !entries[0]) {
      throw new Error(`one open gave ${entries.length} ${name} marks`);
    }
    return entries[0];
  };
  const opened = one(MARKS.threadOpened).at;
  const painted = one(MARKS.sidebarPainted);
  const frame = one(MARKS.threadFrame);
  return {
    committed: one(MARKS.sidebarCommitted).at - opened,
    painted: painted.at - opened,
    frame: frame.at - opened,
    sameFrame: painted.frame === frame.frame,
  };
}

/** Gmail: the thread's route, as a click on its row sets it; back by the inbox's route. */
const GMAIL_ROUTES: OpenClose = {
  ref: ORDER_THREAD,
  open: (page) =>
    page.evaluate((threadId) => {
      location.hash = `#inbox/${threadId}`;
    }, ORDER_THREAD.threadId),
  close: backToInbox,
};

/**
 * Outlook: a click on the conversation's list row (the fixture's app selects it, pushes
 * its path and draws the reading pane); Back empties the pane again.
 */
const OUTLOOK_ROW_CLICKS: OpenClose = {
  ref: OUTLOOK_ORDER,
  open: (page) =>
    page.evaluate((convid) => {
      const row = document.querySelector<HTMLElement>(`[role="option"][data-convid="${convid}"]`);
      if (!row) throw new Error('the order row is not listed');
      row.click();
    }, OUTLOOK_ORDER.threadId),
  async close(page) {
    await page.evaluate(() => history.back());
    await page.getByTestId('sidedesk-sidebar').waitFor({ state: 'detached', timeout: 30_000 });
  },
};

/** Back to the list; resolves once InboxSDK has taken the thread's sidebar away. */
async function backToInbox(page: Page) {
  await page.evaluate(() => {
    location.hash = '#inbox';
  });
  await page.getByTestId('sidedesk-sidebar').waitFor({ state: 'detached', timeout: 30_000 });
}

/** Sequential runtime.sendMessage round trips from an extension page to the worker. */
function roundTrips(page: Page, message: unknown): Promise<number[]> {
  return page.evaluate(
    async ({ message, runs }) => {
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await chrome.runtime.sendMessage(message);
        ms.push(performance.now() - start);
      }
      return ms;
    },
    { message, runs: ROUND_TRIPS },
  );
}

/** Changes the thread's priority through the worker, as a teammate's change arrives. */
async function changeThread(extensionPage: Page, ref: ThreadRef, round: number) {
  await extensionPage.evaluate(
    async ({ ref, priority }) => {
      const found = await chrome.runtime.sendMessage({ type: 'getConversation', by: { ref } });
      const conversationId = found?.data?.id;
      if (!conversationId) throw new Error('the order thread is not in the cache');
      const args = { conversationId, priority };
      await chrome.runtime.sendMessage({ type: 'mutate', name: 'conversation.setPriority', args });
    },
    { ref, priority: round % 4 === 1 ? 'high' : 'normal' },
  );
}

/**
 * Thread open → sidebar painted from the cache, in a running Gmail: the inbox is loaded
 * once and left to settle (InboxSDK's start out of the way), then the order thread is
 * opened by its route and closed again 2 × OPENS times after 3 warm-ups (the first open
 * records the conversation, so the others read it from the cache). Before every other
 * open the conversation is changed through the worker, so the page forgets what it read
 * last and draws what its list looked up again after the change notice: `afterChange`;
 * the other opens are `again`. Each open's marks give the time from InboxSDK handing us the thread to the
 * first frame with its data. Baselines: a bare message round trip to the worker (rejected
 * at once: the messaging floor), and one cache read by ref.
 */
export async function benchSidebarOpen(session: BrowserSession) {
  const page = await openGmail(session.browser.context, 'inbox-2026-11.html', 'inbox');
  // The harness serves its fixture and "Show original"; the routed inbox replaces the page.
  const html = await inboxWithThreadRoute();
  await page.route('https://mail.google.com/**', (route) =>
    route.request().isNavigationRequest()
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fallback(),
  );
  await page.reload();
  await page.locator('.inboxsdk__thread_row_label').first().waitFor({ timeout: 30_000 });
  return measureOpens(session, page, GMAIL_ROUTES);
}

/**
 * The same on Outlook's list fixture (list-2026-11.html, reading pane on the right): the
 * order conversation opened by a click on its row and closed with Back, 2 × OPENS times
 * after 3 warm-ups, every other open after a change. Outlook has no SDK to start, so the
 * page settles as soon as the adapter has drawn its panel and the listed rows' chips.
 */
export async function benchOutlookSidebarOpen(session: BrowserSession) {
  const page = await openOutlook(session.browser.context, 'list-2026-11.html');
  await page.getByTestId('row-chip').first().waitFor({ timeout: 30_000 });
  return measureOpens(session, page, OUTLOOK_ROW_CLICKS);
}

async function measureOpens(session: BrowserSession, page: Page, host: OpenClose) {
  await settle(page);
  const extensionPage = session.popup.page;
  const again: OpenTimes[] = [];
  const afterChange: OpenTimes[] = [];
  for (let i = 0; i < WARM_UP + 2 * OPENS; i++) {
    const changed = i >= WARM_UP && i % 2 === 1;
    if (changed) {
      await changeThread(extensionPage, host.ref, i);
      await settle(page);
    }
    const times = await openToPaint(page, host);
    if (i >= WARM_UP) (changed ? afterChange : again).push(times);
    await host.close(page);
    await settle(page);
  }
  await page.close();
  return {
    again,
    afterChange,
    bare: await roundTrips(extensionPage, { type: 'bench-no-such-request' }),
    cacheRead: await roundTrips(extensionPage, {
      type: 'getConversation',
      by: { ref: host.ref },
    }),
  };
}
