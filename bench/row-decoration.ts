import { randomUUID } from 'node:crypto';
import type { CDPSession, Page } from '@playwright/test';
import { conversationIdFor } from '../lib/conversation-id';
import type { ConversationMeta, MutationName } from '../lib/schema';
import { sendToBackground } from '../tests/e2e/harness/extension-messages';
import { OUTLOOK_ORIGIN, SHARED_MAILBOX, serveOutlook } from '../tests/e2e/harness/outlook';
import type { BrowserSession } from './browser-session';
import { inboxWithRows, rowMeta, rowThreadIds } from './inbox-rows';
import { outlookListWithRows, outlookRowIds, outlookRowMeta } from './outlook-rows';

const ROWS = 100;
const BURSTS = 6;
const IDLE_MS = 2_000;

type Task = { start: number; duration: number };
type Probe = { longTasks: Task[]; firstLabel: number | null; lastLabel: number | null };
declare global {
  interface Window {
    sidedeskBench: Probe;
  }
}

/**
 * Runs in the page before its scripts: records long tasks (the main thread, where the
 * host's code and our content script run) and when the rows' chips last changed: the
 * elements matching `chip` (InboxSDK's labels; on Outlook the host of our shadow root,
 * whose attribute holds the chips drawn).
 */
function installProbe(chip: string) {
  const probe: Probe = { longTasks: [], firstLabel: null, lastLabel: null };
  window.sidedeskBench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    const touched = records.some(
      (r) =>
        (r.target instanceof Element ? r.target : r.target.parentElement)?.closest(chip) ||
        [...r.addedNodes].some(
          (node) => node instanceof Element && (node.matches(chip) || node.querySelector(chip)),
        ),
    );
    if (!touched) return;
    const now = performance.now();
    probe.firstLabel ??= now;
    probe.lastLabel = now;
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    // Our Outlook chips change by an attribute of their host (the shadow root is closed
    // to a document observer); InboxSDK's labels change by their nodes.
    attributes: chip.startsWith('['),
  });
}

/** Where a host's rows are and how the bench serves a page of 100 of them. */
interface RowHost {
  /** What `installProbe` watches. */
  chip: string;
  ids(count: number): string[];
  meta(id: string, i: number): ConversationMeta;
  /** Routes and loads the page of rows in `page`. */
  load(page: Page, ids: string[]): Promise<void>;
  everyRowShows(page: Page, status: string): Promise<unknown>;
}

const GMAIL_ROWS: RowHost = {
  chip: '.inboxsdk__thread_row_label',
  ids: rowThreadIds,
  meta: rowMeta,
  async load(page, ids) {
    const html = await inboxWithRows(ids);
    await page.route('https://mail.google.com/**', (route) =>
      route.request().isNavigationRequest()
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.fallback(),
    );
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
  },
  everyRowShows: (page, status) =>
    page.waitForFunction(
      ({ status, rows }) => {
        const found = document.querySelectorAll('tr.zA');
        return (
          found.length === rows &&
          [...found].every((row) =>
            [...row.querySelectorAll('.inboxsdk__thread_row_label')].some(
              (label) => label.textContent?.trim() === status,
            ),
          )
        );
      },
      { status, rows: ROWS },
      { timeout: 60_000, polling: 100 },
    ),
};

const OUTLOOK_ROWS: RowHost = {
  chip: '[data-sidedesk-chips]',
  ids: outlookRowIds,
  meta: outlookRowMeta,
  async load(page, ids) {
    const html = await outlookListWithRows(ids);
    await serveOutlook(page, async () => html);
    await page.goto(`${OUTLOOK_ORIGIN}/mail/${SHARED_MAILBOX}/inbox`);
  },
  everyRowShows: (page, status) =>
    page.waitForFunction(
      ({ status, rows }) => {
        const found = document.querySelectorAll('[role="option"][data-convid]');
        return (
          found.length === rows &&
          [...found].every((row) =>
            [
              ...(row
                .querySelector(':scope > [data-sidedesk-chips]')
                ?.shadowRoot?.querySelectorAll('[data-testid="row-chip"]') ?? []),
            ].some((chip) => chip.textContent?.trim() === status),
          )
        );
      },
      { status, rows: ROWS },
      { timeout: 60_000, polling: 100 },
    ),
};

async function mainThreadMs(cdp: CDPSession) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function push(session: BrowserSession, name: MutationName, args: unknown[]) {
  const mutations = args.map((a, i) => ({ id: i + 1, name, args: a }));
  const { results } = await session.workspace.admin.api.push(randomUUID(), mutations);
  const refused = results.filter((r) => r.status !== 'ok');
  if (refused.length) throw new Error(`${name} refused: ${JSON.stringify(refused[0])}`);
}

/** 100 conversations, one per row, every other one assigned to the agent. */
async function seedRows(session: BrowserSession, host: RowHost, ids: string[]) {
  const metas = ids.map(host.meta);
  await push(
    session,
    'conversation.upsert',
    metas.map((meta) => ({ meta })),
  );
  const conversationIds = await Promise.all(metas.map((m) => conversationIdFor(m.key)));
  const agent = session.workspace.agent.session.member.id;
  await push(
    session,
    'conversation.assign',
    conversationIds
      .filter((_, i) => i % 2 === 0)
      .map((conversationId) => ({ conversationId, assigneeId: agent, expectedAssigneeId: null })),
  );
  const lastRef = metas.at(-1)?.ref;
  if (!lastRef) throw new Error('no rows to seed');
  for (let tries = 0; ; tries++) {
    const cached = await sendToBackground(session.popup.page, {
      type: 'getConversation',
      by: { ref: lastRef },
    });
    if (cached) return conversationIds;
    if (tries > 100) throw new Error('the rows never reached the extension cache');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const overlapping = (tasks: Task[], from: number, to: number) =>
  tasks.filter((t) => t.start + t.duration > from && t.start < to).map((t) => t.duration);

/**
 * Decorating 100 thread rows with chips, on the main thread. First the page load (InboxSDK
 * starts, then every row is looked up and labelled), then BURSTS times the server changes
 * all 100 statuses at once and every row is refreshed. Long tasks (> 50 ms) come from
 * PerformanceObserver('longtask'); main-thread time from the renderer's TaskDuration
 * (DevTools protocol), beside the same measure over IDLE_MS of the idle page.
 */
export function benchRowDecoration(session: BrowserSession) {
  return decorateRows(session, GMAIL_ROWS);
}

/**
 * The same on Outlook: the shared mailbox's list fixture with 100 rows, all mounted
 * (bench/outlook-rows.ts); our adapter draws each row's chips in a shadow root of its own.
 */
export function benchOutlookRowDecoration(session: BrowserSession) {
  return decorateRows(session, OUTLOOK_ROWS);
}

async function decorateRows(session: BrowserSession, host: RowHost) {
  const ids = host.ids(ROWS);
  const conversationIds = await seedRows(session, host, ids);
  const page = await session.browser.context.newPage();
  await page.addInitScript(installProbe, host.chip);
  const cdp = await session.browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await host.load(page, ids);
  await host.everyRowShows(page, 'open');
  const load = await page.evaluate(() => window.sidedeskBench);

  const idleStart = await mainThreadMs(cdp);
  await page.waitForTimeout(IDLE_MS);
  const idleMs = (await mainThreadMs(cdp)) - idleStart;

  const bursts: { ms: number; mainThreadMs: number; longTasks: number[] }[] = [];
  for (let i = 0; i < BURSTS; i++) {
    const status = i % 2 === 0 ? 'pending' : 'open';
    const busyBefore = await mainThreadMs(cdp);
    const start = await page.evaluate(() => performance.now());
    await push(
      session,
      'conversation.setStatus',
      conversationIds.map((conversationId) => ({ conversationId, status })),
    );
    await host.everyRowShows(page, status);
    const mainThread = (await mainThreadMs(cdp)) - busyBefore;
    const probe = await page.evaluate(() => window.sidedeskBench);
    const end = probe.lastLabel ?? start;
    bursts.push({
      ms: end - start,
      mainThreadMs: mainThread,
      longTasks: overlapping(probe.longTasks, start, end),
    });
  }
  await page.close();
  const firstLabel = load.firstLabel ?? 0;
  const lastLabel = load.lastLabel ?? 0;
  return {
    load: {
      labelledMs: lastLabel - firstLabel,
      longTasksBefore: overlapping(load.longTasks, 0, firstLabel),
      longTasksWhileLabelling: overlapping(load.longTasks, firstLabel, lastLabel),
    },
    idleMainThreadMsPerS: idleMs / (IDLE_MS / 1000),
    bursts,
  };
}
