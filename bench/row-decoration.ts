import { randomUUID } from 'node:crypto';
import type { CDPSession, Page } from '@playwright/test';
import { conversationIdFor } from '../lib/conversation-id';
import type { MutationName } from '../lib/schema';
import { sendToBackground } from '../tests/e2e/harness/extension-messages';
import type { BrowserSession } from './browser-session';
import { inboxWithRows, MAILBOX, rowMeta, rowThreadIds } from './inbox-rows';

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
 * Runs in the page before its scripts: records long tasks (the main thread, where
 * InboxSDK and our content script run) and when InboxSDK's row labels last changed.
 */
function installProbe() {
  const probe: Probe = { longTasks: [], firstLabel: null, lastLabel: null };
  window.sidedeskBench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    const label = '.inboxsdk__thread_row_label';
    const touched = records.some(
      (r) =>
        (r.target instanceof Element ? r.target : r.target.parentElement)?.closest(label) ||
        [...r.addedNodes].some(
          (node) => node instanceof Element && (node.matches(label) || node.querySelector(label)),
        ),
    );
    if (!touched) return;
    const now = performance.now();
    probe.firstLabel ??= now;
    probe.lastLabel = now;
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

const everyRowShows = (page: Page, status: string) =>
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
  );

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
async function seedRows(session: BrowserSession, threadIds: string[]) {
  const metas = threadIds.map(rowMeta);
  await push(
    session,
    'conversation.upsert',
    metas.map((meta) => ({ meta })),
  );
  const ids = await Promise.all(metas.map((m) => conversationIdFor(m.key)));
  const agent = session.workspace.agent.session.member.id;
  await push(
    session,
    'conversation.assign',
    ids
      .filter((_, i) => i % 2 === 0)
      .map((conversationId) => ({ conversationId, assigneeId: agent, expectedAssigneeId: null })),
  );
  const lastRef = { host: 'gmail' as const, mailbox: MAILBOX, threadId: threadIds.at(-1) ?? '' };
  for (let tries = 0; ; tries++) {
    const cached = await sendToBackground(session.popup.page, {
      type: 'getConversation',
      by: { ref: lastRef },
    });
    if (cached) return ids;
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
export async function benchRowDecoration(session: BrowserSession) {
  const threadIds = rowThreadIds(ROWS);
  const conversationIds = await seedRows(session, threadIds);
  const html = await inboxWithRows(threadIds);
  const page = await session.browser.context.newPage();
  await page.addInitScript(installProbe);
  await page.route('https://mail.google.com/**', (route) =>
    route.request().isNavigationRequest()
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fallback(),
  );
  const cdp = await session.browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await everyRowShows(page, 'open');
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
    await everyRowShows(page, status);
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
