import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import { queueTitle } from '../../../lib/features/queue-model';
import type { Host, ThreadRef } from '../../../lib/schema';
import type { Queue } from '../../../lib/schema/messages';
import { type GmailFixture, isGoogleOrInboxSdk, openGmail } from './gmail';
import type { Probe } from './live-watch';
import {
  CONVERSATIONS,
  type OutlookFixture,
  openOutlook,
  outlookOf,
  SHARED_MAILBOX,
} from './outlook';
import { type Sidebar, sidebarOf } from './sidebar';

/**
 * One mail host as a scenario sees it, so a story is written once and run on Gmail and on
 * Outlook: whose pages to open for a person, where the order conversation's sidebar, list
 * row and a draft are, how a queue page is shown, and what the server should record.
 * Every page is a dated fixture (tests/fixtures/gmail, tests/fixtures/outlook) served at
 * the host's real origin; the story is the same on both: Acme's support@acme.test, the
 * order conversation "Order #1042 arrived damaged" from Maria Lopez.
 */

export const HOSTS = ['gmail', 'outlook'] as const satisfies readonly Host[];

/**
 * Whose view of the mailbox a page is. The fixtures hold Ana's and Ben's (Gmail: each their
 * own Google Group copy; Outlook: the shared mailbox, Ana in English, Ben in German); the
 * lead, Leo, is shown Ben's Gmail copy and Ana's English Outlook page.
 */
export type Viewer = 'ana' | 'ben' | 'leo';

export const ORDER_SUBJECT = 'Order #1042 arrived damaged';

/** The row marker of who else is on a conversation (lib/features/presence-line.ts). */
const PRESENCE_CHIP = /^\s*(👁|✎) /u;

export interface Draft {
  readonly page: Page;
  /** The draft's body, focused, the caret in it. */
  readonly body: Locator;
  /**
   * What `{{customer.firstName}}` becomes in it: Outlook's is a reply in the order
   * conversation (Maria); Gmail's fixture is a new message with no recipient (blank).
   */
  readonly customerFirstName: string;
  /** Checks that `text` was put where the host puts an insert. */
  expectInserted(text: string): Promise<void>;
}

/** One person's pages on a host, opened on the order conversation. */
export interface Desk {
  /** The page that shows the conversation and its sidebar. */
  readonly page: Page;
  readonly sidebar: Sidebar;
  /** Where the sidebar is drawn (Outlook: the whole docked panel), for screenshots. */
  readonly panel: Locator;
  /**
   * The list with the conversation's row: Outlook's is the same page; Gmail's a tab of its
   * own, opened on the first call.
   */
  list(): Promise<Page>;
  /**
   * The chips Sidedesk draws on the order conversation's list row, less the presence
   * marker (who else is on it: presence.spec.ts checks it).
   */
  rowChips(): Promise<Locator>;
  /** The list region around that row, for screenshots. */
  listRegion(): Promise<Locator>;
  /** A draft ready for a template, its body focused (only Ana's pages have one). */
  draft(): Promise<Draft>;
  /** Shows a queue page where this host shows them; resolves to the queue. */
  openQueue(queue: Queue): Promise<Locator>;
}

export interface MailHostHarness {
  readonly name: Host;
  /** As people write it: "In Gmail", "In Outlook". */
  readonly label: string;
  /** What the server holds for the order conversation once Ana and Ben opened it. */
  readonly order: { key: string; refs: ThreadRef[] };
  /**
   * How many conversations the server holds once Ana, Ben and Leo opened the order
   * conversation and Ben his list, and every listed row is recorded: Gmail's list is Ben's
   * inbox (7 rows, the order one shared with Ana's copy); Outlook's virtual list shows 4
   * rows of the shared mailbox, the same for everyone.
   */
  readonly listed: number;
  open(context: BrowserContext, viewer: Viewer): Promise<Desk>;
  /** The order conversation's row chips read `texts` (as `rowChips`), as `watchFor` looks for them. */
  rowChipsProbe(texts: string[]): Probe;
  /**
   * Checks the outside requests that were tried (the guard blocked them all): Gmail's
   * InboxSDK calls home and may try Google; Outlook's pages are fully served, so nothing.
   */
  expectOutsideRequests(urls: readonly string[]): void;
  /** Whether a page error is the fixture's and not ours (see each host's reason). */
  isFixtureError(error: Error): boolean;
}

const GMAIL_PAGES: Record<Viewer, { thread: GmailFixture; threadId: string; list: GmailFixture }> =
  {
    // Ana's "list" is her inbox with a new message open: the only Gmail draft fixture.
    ana: {
      thread: 'thread-2026-11.html',
      threadId: '1a1e3845ce800a10',
      list: 'compose-2026-11.html',
    },
    ben: {
      thread: 'thread-copy-2026-11.html',
      threadId: '1a1e3845ce800b70',
      list: 'inbox-copy-2026-11.html',
    },
    leo: {
      thread: 'thread-copy-2026-11.html',
      threadId: '1a1e3845ce800b70',
      list: 'inbox-copy-2026-11.html',
    },
  };

const gmailRow = (list: Page) => list.locator('tr.zA', { hasText: ORDER_SUBJECT });

export const gmail: MailHostHarness = {
  name: 'gmail',
  label: 'Gmail',
  order: {
    // The first message's Message-ID, the same in both copies (tests/fixtures/gmail/NOTES.md).
    key: 'msgid:<CAJx7Q2n-Ord1042+r5=Kp9vQmT4s@mail.customer.test>',
    refs: [
      { host: 'gmail', mailbox: 'ana@acme.test', threadId: '1a1e3845ce800a10' },
      { host: 'gmail', mailbox: 'ben@acme.test', threadId: '1a1e3845ce800b70' },
    ],
  },
  listed: 7,
  async open(context, viewer) {
    const pages = GMAIL_PAGES[viewer];
    const page = await openGmail(context, pages.thread, `inbox/${pages.threadId}`);
    let list: Promise<Page> | undefined;
    const openList = () => {
      list ??= openGmail(context, pages.list, 'inbox');
      return list;
    };
    const sidebar = sidebarOf(page);
    return {
      page,
      sidebar,
      panel: sidebar.root,
      list: openList,
      rowChips: async () =>
        gmailRow(await openList())
          .locator('.inboxsdk__thread_row_label')
          .filter({ hasNotText: PRESENCE_CHIP }),
      listRegion: async () => gmailRow(await openList()).locator('xpath=ancestor::table[1]'),
      async draft() {
        if (viewer !== 'ana') throw new Error('only Ana’s Gmail fixture has a draft');
        const compose = await openList();
        // The empty body has no height, so it counts as hidden: wait for our button.
        await expect(compose.getByRole('button', { name: /Insert a template/ })).toBeVisible({
          timeout: 20_000,
        });
        const body = compose.getByRole('textbox', { name: 'Message Body' });
        await body.focus();
        return {
          page: compose,
          body,
          customerFirstName: '',
          expectInserted: (text) => expect(body).toContainText(text),
        };
      },
      async openQueue(queue) {
        // Sidedesk's custom route (lib/hosts/gmail/queues.ts), as its nav item links it.
        await page.evaluate(
          (hash) => {
            location.hash = hash;
          },
          `#sidedesk/${encodeURIComponent(queue)}`,
        );
        return page.getByTestId('sidedesk-queue');
      },
    };
  },
  rowChipsProbe: (texts) => ({
    within: { selector: 'tr.zA', withinText: ORDER_SUBJECT },
    selector: '.inboxsdk__thread_row_label',
    ignore: PRESENCE_CHIP.source,
    equals: texts,
  }),
  expectOutsideRequests(urls) {
    expect(urls.filter((url) => !isGoogleOrInboxSdk(url))).toEqual([]);
    expect(urls.some((url) => new URL(url).hostname === 'api.inboxsdk.com')).toBe(true);
  },
  // InboxSDK waits up to 120 s for parts of Gmail the static pages lack (the app menu, the
  // side panel's button; tests/fixtures/gmail/NOTES.md), then rejects with its own
  // WaitForError ("waitFor timeout"), unhandled: a page kept open longer raises it. Our
  // code never throws that message.
  isFixtureError: (error) => error.message === 'waitFor timeout',
};

const OUTLOOK_PAGES: Record<Viewer, OutlookFixture> = {
  ana: 'list-2026-11.html',
  ben: 'list-de-2026-11.html',
  leo: 'list-2026-11.html',
};

export const outlook: MailHostHarness = {
  name: 'outlook',
  label: 'Outlook',
  order: {
    // No raw message in Outlook: the shared mailbox's conversation id keys it.
    key: `thread:outlook:${SHARED_MAILBOX}:${CONVERSATIONS.order}`,
    refs: [{ host: 'outlook', mailbox: SHARED_MAILBOX, threadId: CONVERSATIONS.order }],
  },
  listed: 4,
  async open(context, viewer) {
    const page = await openOutlook(context, OUTLOOK_PAGES[viewer]);
    const ui = outlookOf(page);
    await expect(ui.panel).toBeVisible({ timeout: 20_000 });
    // Opening it from the list, as a person does: the reading pane shows it.
    await ui.row(CONVERSATIONS.order).click();
    return {
      page,
      sidebar: sidebarOf(page),
      panel: ui.panel,
      list: async () => page,
      rowChips: async () => ui.chips(CONVERSATIONS.order).filter({ hasNotText: PRESENCE_CHIP }),
      listRegion: async () => page.locator('[data-app-section="MessageList"]'),
      async draft() {
        if (viewer === 'ben') throw new Error('Ben’s Outlook page is German; reply on Ana’s');
        await ui.reply.click();
        await expect(ui.draftBody).toBeFocused();
        return {
          page,
          body: ui.draftBody,
          customerFirstName: 'Maria',
          async expectInserted(text) {
            await expect(ui.draftBody).toContainText(text);
            // On the draft's first line, above the signature and the quoted message.
            await expect(ui.draftBody.locator(':scope > :first-child')).toContainText(text);
            await expect(ui.draftBody.locator('#Signature')).toBeVisible();
          },
        };
      },
      async openQueue(queue) {
        await ui.panel.getByRole('button', { name: queueTitle(queue), exact: true }).click();
        return page.getByTestId('sidedesk-queue');
      },
    };
  },
  rowChipsProbe: (texts) => ({
    within: { selector: `[role="option"][data-convid="${CONVERSATIONS.order}"]` },
    selector: '[data-testid="row-chip"]',
    ignore: PRESENCE_CHIP.source,
    equals: texts,
  }),
  expectOutsideRequests(urls) {
    expect(urls).toEqual([]);
  },
  isFixtureError: () => false,
};

export const MAIL_HOSTS: Record<Host, MailHostHarness> = { gmail, outlook };

/** Counts the page's loads from now on: a live update must not need one. */
export function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('load', () => loads++);
  return () => loads;
}
