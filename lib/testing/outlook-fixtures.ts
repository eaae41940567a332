import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dated Outlook fixture pages (tests/fixtures/outlook/NOTES.md). */
export const OUTLOOK_FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../tests/fixtures/outlook',
);

export type OutlookFixture =
  | 'list-2026-11.html'
  | 'reading-right-2026-11.html'
  | 'reading-bottom-2026-11.html'
  | 'reading-off-2026-11.html'
  | 'compose-2026-11.html'
  | 'list-de-2026-11.html'
  | 'list-changed-2026-11.html';

/** The shared mailbox every page shows, opened by its address. */
export const SHARED_MAILBOX = 'support@acme.test';

/** The conversation ids of the pages' story: the same for every agent of the shared mailbox. */
export const CONVERSATIONS = {
  order: 'AAQkAGFjbWUtc3VwcG9ydAAQAE1hcmlh+TG9wZXovMTA0Mg==',
  shipping: 'AAQkAGFjbWUtc3VwcG9ydAAQAE9saXZpYUIvQ2FuYWRh',
  refund: 'AAQkAGFjbWUtc3VwcG9ydAAQAFRvbUJlY2tlci9JTlYyMjEw',
  login: 'AAQkAGFjbWUtc3VwcG9ydAAQAFByaXlhTmFpci9Mb2dpbg==',
  pricing: 'AAQkAGFjbWUtc3VwcG9ydAAQAEtlbmppU2F0by9CdWxr',
  invoice: 'AAQkAGFjbWUtc3VwcG9ydAAQAEdsb2JleC9JTlYyMTg4',
  feature: 'AAQkAGFjbWUtc3VwcG9ydAAQAFNhbUxlZS9EYXJrTW9kZQ==',
} as const;

/** The order conversation's newest item: what the URL names when it is open (S3). */
export const ORDER_ITEM = 'AQMkAGFjbWUtc3VwcG9ydABGAAADT3JkZXIxMDQy/MDAwMwAAAA==';

const ORDER_OPEN = `/mail/${SHARED_MAILBOX}/id/${encodeURIComponent(ORDER_ITEM)}`;

/** Each page's path on Outlook, where the tests serve it. */
export const OUTLOOK_PATHS: Record<OutlookFixture, string> = {
  'list-2026-11.html': `/mail/${SHARED_MAILBOX}/inbox`,
  'reading-right-2026-11.html': ORDER_OPEN,
  'reading-bottom-2026-11.html': ORDER_OPEN,
  'reading-off-2026-11.html': ORDER_OPEN,
  'compose-2026-11.html': ORDER_OPEN,
  'list-de-2026-11.html': `/mail/${encodeURIComponent(SHARED_MAILBOX)}/inbox`,
  'list-changed-2026-11.html': `/mail/${SHARED_MAILBOX}/inbox`,
};

/** The pages' SPA script, which Outlook's pages load from its `owamail` path. */
export const SPA_SCRIPT = 'owa-spa-2026-11.js';
