import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
import { ROOT } from './paths';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'gmail');

export type GmailFixture =
  | 'compose-2026-11.html'
  | 'inbox-2026-11.html'
  | 'inbox-copy-2026-11.html'
  | 'thread-2026-11.html'
  | 'thread-copy-2026-11.html'
  | 'thread-delegated-2026-11.html';

/** Where Gmail serves each page: a delegated mailbox lives under /mail/b/<id>/u/N/. */
const ACCOUNT_PATHS: Partial<Record<GmailFixture, string>> = {
  'thread-delegated-2026-11.html': '/mail/b/support-acme/u/0/',
};

/**
 * "Show original" pages by `permmsgid` (msg-f: + the decimal of the first message's hex
 * id, see tests/fixtures/gmail/NOTES.md); any other id gets Gmail's not-found page.
 */
const ORIGINALS: Record<string, string> = {
  'msg-f:1882003566755842576': 'om-order-ana-2026-11.txt',
  'msg-f:1882003566755842928': 'om-order-ben-2026-11.txt',
};
const NOT_FOUND = 'om-not-found-2026-11.txt';

const html = (body: string) => ({
  status: 200,
  contentType: 'text/html; charset=utf-8',
  body,
});

/**
 * Opens a new tab on https://mail.google.com showing a dated fixture, served through
 * page routing (InboxSDK needs the real origin). Only the navigation and the "Show
 * original" requests are answered (by `showOriginal` when given, to stage a broken
 * page); everything else on Google hosts falls through to the network guard, which
 * blocks and records it.
 */
export async function openGmail(
  context: BrowserContext,
  fixture: GmailFixture,
  hash: string,
  showOriginal?: (route: Route) => Promise<void>,
  /** Serves a variant of the page (e.g. tests/e2e/harness/gmail-copilot.ts). */
  rewrite: (page: string) => string = (page) => page,
) {
  const page = await context.newPage();
  const handler = async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.isNavigationRequest()) {
      return route.fulfill(html(rewrite(await readFile(path.join(FIXTURES, fixture), 'utf8'))));
    }
    if (url.searchParams.get('view') === 'om') {
      if (showOriginal) return showOriginal(route);
      const file = ORIGINALS[url.searchParams.get('permmsgid') ?? ''] ?? NOT_FOUND;
      return route.fulfill(html(await readFile(path.join(FIXTURES, 'raw', file), 'utf8')));
    }
    return route.fallback();
  };
  await page.route('https://mail.google.com/**', handler);
  const account = ACCOUNT_PATHS[fixture] ?? '/mail/u/0/';
  await page.goto(`https://mail.google.com${account}#${hash}`);
  return page;
}

/** Hosts InboxSDK calls home to; the guard blocks them, and nothing else may be tried. */
export function isGoogleOrInboxSdk(rawUrl: string): boolean {
  const host = new URL(rawUrl).hostname;
  return (
    host === 'inboxsdk.com' ||
    host.endsWith('.inboxsdk.com') ||
    host.endsWith('.google.com') ||
    host.endsWith('.googleapis.com') ||
    host.endsWith('.gstatic.com')
  );
}

export { sidebarOf } from './sidebar';
