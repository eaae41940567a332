import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type Extension, expect, test } from './fixtures';
import { openGmail, sidebarOf } from './harness/gmail';
import { seedWorkspace } from './harness/seed';

// InboxSDK calls home (api.inboxsdk.com); the guard blocks it.
test.use({ allowEscapes: true });
test.setTimeout(90_000);

const HOST_MARK = 'data-a11y-sidebar-host';
const DARK_FIXTURE_THEME = '.aio { color: #e3e3e3; } .nH.bkK > .nH { background: #1f1f1f; }';

/** Marks the element whose open shadow root holds the sidebar, so axe can start there. */
async function markSidebarHost(page: Page) {
  const found = await page.evaluate((mark) => {
    for (const el of document.querySelectorAll('*')) {
      if (el.shadowRoot?.querySelector('[data-testid="sidedesk-sidebar"]')) {
        el.setAttribute(mark, '');
        return true;
      }
    }
    return false;
  }, HOST_MARK);
  expect(found, 'the sidebar host element').toBe(true);
}

/** axe on the sidebar alone (its shadow root included): serious and critical findings. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include(`[${HOST_MARK}]`).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) }));
}

const ORDER_MARK = 'data-a11y-order';

/**
 * Numbers the sidebar's keyboard-operable controls in document order, focuses the first
 * and presses Tab until focus leaves the sidebar: returns how many there are and the
 * numbers focus visited, which must be all of them, in order.
 */
async function tabWalk(page: Page) {
  const count = await page.evaluate(
    ({ host, order }) => {
      const root = document.querySelector(`[${host}]`)?.shadowRoot;
      const controls = [
        ...(root?.querySelectorAll<HTMLElement>(
          'button, select, input, textarea, a[href], [tabindex]:not([tabindex="-1"])',
        ) ?? []),
      ].filter((el) => !el.matches(':disabled') && el.checkVisibility());
      for (const [i, el] of controls.entries()) el.setAttribute(order, String(i));
      controls[0]?.focus();
      return controls.length;
    },
    { host: HOST_MARK, order: ORDER_MARK },
  );
  const focused = () =>
    page.evaluate((order) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute(order) ?? null;
    }, ORDER_MARK);
  const visited: number[] = [];
  for (let at = await focused(); at !== null && visited.length <= count; at = await focused()) {
    visited.push(Number(at));
    await page.keyboard.press('Tab');
  }
  return { count, visited };
}

async function signedInSidebar(extension: Extension, apiUrl: string) {
  const workspace = await seedWorkspace(apiUrl, { conversations: 0 });
  for (const name of ['damaged', 'vip']) {
    await workspace.lead.api.request('POST', '/v1/tags', { name });
  }
  const popup = await extension.openPopup();
  await popup.signInWithEmail(apiUrl, workspace.agent.email);
  await popup.expectInSync();
  const page = await openGmail(extension.context, 'thread-2026-11.html', 'inbox/1a1e3845ce800a10');
  const sidebar = sidebarOf(page);
  await expect(sidebar.assignee).toHaveText('Unassigned', { timeout: 20_000 });
  return { page, sidebar };
}

// One story, so the suite pays for one InboxSDK start: axe in light, every control by
// keyboard, then axe again in dark.
test('the thread sidebar passes axe (no serious or critical findings) in light and dark, and every control works from the keyboard', async ({
  extension,
  api,
}) => {
  const { page, sidebar } = await signedInSidebar(extension, api.url);
  const priority = sidebar.root.getByTestId('priority-select');
  // Every kind of control on show for axe: Take, a tag with its remove button, Add tag.
  await sidebar.addTag.selectOption('damaged');
  await expect(sidebar.tags).toHaveText(/damaged/);
  await expect(sidebar.syncState).toHaveText('Saved');
  await markSidebarHost(page);
  expect(await seriousViolations(page)).toEqual([]);

  // Take with Enter; Unassign takes its place.
  await sidebar.take.focus();
  await page.keyboard.press('Enter');
  await expect(sidebar.assignee).toHaveText(/Ana Agent \(you\)/);
  await expect(sidebar.unassign).toBeVisible();

  // Tab reaches every control, in reading order, and then leaves the sidebar.
  const walk = await tabWalk(page);
  expect(walk.count).toBeGreaterThanOrEqual(5);
  expect(walk.visited).toEqual([...Array(walk.count).keys()]);

  // The core controls work from the keyboard alone.
  const remove = sidebar.tags.getByRole('button', { name: 'Remove tag damaged' });
  await sidebar.status.focus();
  await page.keyboard.press('ArrowDown');
  await expect(sidebar.status).toHaveValue('pending');
  await priority.focus();
  await page.keyboard.press('ArrowUp');
  await expect(priority).toHaveValue('high');
  await remove.focus();
  await page.keyboard.press('Space');
  await expect(sidebar.tags).not.toHaveText(/damaged/);
  await sidebar.addTag.focus();
  await page.keyboard.press('ArrowDown');
  await expect(sidebar.tags).toHaveText(/damaged/);

  await sidebar.unassign.focus();
  await page.keyboard.press('Enter');
  await expect(sidebar.assignee).toHaveText('Unassigned');
  await expect(sidebar.syncState).toHaveText('Saved');

  await page.evaluate((css) => {
    const theme = document.getElementById('fixture-theme');
    if (theme) theme.textContent = css;
  }, DARK_FIXTURE_THEME);
  await expect(
    page.locator('[data-theme="dark"] > [data-testid="sidedesk-sidebar"]'),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
