import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import {
  OUTLOOK_FIXTURES,
  OUTLOOK_PATHS,
  type OutlookFixture,
  SPA_SCRIPT,
} from '../../../lib/testing/outlook-fixtures';

export {
  CONVERSATIONS,
  type OutlookFixture,
  SHARED_MAILBOX,
} from '../../../lib/testing/outlook-fixtures';

export const OUTLOOK_ORIGIN = 'https://outlook.office.com';

/**
 * Opens a new tab on https://outlook.office.com showing a dated fixture at its Outlook
 * path (tests/fixtures/outlook/NOTES.md), served through page routing: every navigation on
 * that origin gets the fixture (a deep link reloads into it too), its SPA script is served
 * from its `owamail` path, and anything else there is a 404, as a host we fully stand in
 * for. Other hosts fall through to the network guard.
 */
export async function openOutlook(
  context: BrowserContext,
  fixture: OutlookFixture,
  pathname: string = OUTLOOK_PATHS[fixture],
) {
  const page = await context.newPage();
  await serveOutlook(page, () => readFile(path.join(OUTLOOK_FIXTURES, fixture), 'utf8'));
  await page.goto(`${OUTLOOK_ORIGIN}${pathname}`);
  return page;
}

/**
 * Stands in for Outlook's origin in `page`: navigations get the page `html` gives (a
 * fixture, or one built from it), the fixtures' SPA script its `owamail` path, the rest 404.
 */
export async function serveOutlook(page: Page, html: () => Promise<string>) {
  await page.route(`${OUTLOOK_ORIGIN}/**`, async (route) => {
    const request = route.request();
    if (request.isNavigationRequest()) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: await html(),
      });
    }
    if (new URL(request.url()).pathname.endsWith(`/${SPA_SCRIPT}`)) {
      const body = await readFile(path.join(OUTLOOK_FIXTURES, SPA_SCRIPT), 'utf8');
      return route.fulfill({ status: 200, contentType: 'text/javascript', body });
    }
    return route.fulfill({ status: 404, body: '' });
  });
}

/** Outlook's own controls in the fixture pages, by role and hook, and what we add to them. */
export function outlookOf(page: Page) {
  const row = (convid: string) => page.locator(`[role="option"][data-convid="${convid}"]`);
  return {
    /** The panel Sidedesk docks beside the reading pane. */
    panel: page.getByTestId('sidedesk-panel'),
    row,
    chips: (convid: string) => row(convid).getByTestId('row-chip'),
    /** Reply on the newest expanded message of the open conversation (English pages). */
    reply: page.getByRole('button', { name: 'Reply', exact: true }).last(),
    draftBody: page.locator('[role="textbox"][contenteditable="true"][aria-multiline="true"]'),
  };
}
