/**
 * Everything about Gmail's markup that InboxSDK does not hand us. Each entry says where
 * it was seen; when Gmail changes, this file and tests/fixtures/gmail/ change together.
 */

/**
 * Body classes InboxSDK toggles from the computed colours of the left nav (`.aio`) and
 * the content pane (`.bkK > .nH`). Seen in InboxSDK track-gmail-styles.ts, snapshot of
 * 2026-07-23; `sdk.Global.gmailTheme` is not kept current, the classes are.
 */
export const DARK_FRAME_CLASS = 'inboxsdk__gmail_dark_theme';
export const DARK_CONTENT_CLASS = 'inboxsdk__gmail_dark_body_theme';

/**
 * Gmail's "ik" request key (page global GLOBALS[9]), which the isolated content script
 * cannot read; InboxSDK's page script copies it onto <head>. Seen in InboxSDK
 * setup-data-exposer.ts and gmail-page-communicator.ts, snapshot of 2026-07-23.
 */
export const IK_ATTRIBUTE = 'data-inboxsdk-ik-value';

/**
 * The message element's legacy (hex) id, present on collapsed messages too, whose
 * MessageView refuses getMessageID() until expanded. Seen in InboxSDK
 * gmail-message-view.ts (2026-07-23) and on mail.google.com in public extension code
 * (2024–2026).
 */
export const LEGACY_MESSAGE_ID = '[data-legacy-message-id]';

/**
 * The account part of Gmail's path: /mail/u/N/ or, for a delegated mailbox,
 * /mail/b/<id>/u/N/. The "Show original" page lives under the same prefix. Seen in
 * InboxSDK getOriginalMessagePage.ts, snapshot of 2026-07-23.
 */
export const ACCOUNT_PATH = /^\/mail\/(?:b\/[^/]+\/)?u\/\d+\//;

/**
 * The raw message on the "Show original" page (view=om), HTML-escaped inside
 * `<pre class="raw_message_text" id="raw_message_text">`. Seen in several public Gmail
 * extensions reading that page (2019–2026); InboxSDK instead regexes the whole page.
 */
export const RAW_MESSAGE_PRE = /<pre\b[^>]*\bid="raw_message_text"[^>]*>([\s\S]*?)<\/pre>/;

/**
 * The same page for an id Gmail does not know: no `pre`, an error box instead (HTTP 200).
 * Reconstructed from a public extension's test (2026) that quotes "the requested message
 * does not exist"; the wording may be localised, so only the box is looked for. Any other
 * page without the `pre` (a sign-in page, an outage page) is a failure, not "no message".
 */
export const MESSAGE_NOT_FOUND = /<div\b[^>]*\bclass="error"[^>]*>/;

/**
 * Quoted history inside a message body: Gmail wraps a reply's quote in `.gmail_quote`
 * (its own mail) and shows other clients' quotes as `blockquote`; the "Show trimmed
 * content" part it folds away is `.adL` / `.yj6qo`. Seen in InboxSDK gmail-message-view.ts
 * (`isElementInQuotedArea`: BLOCKQUOTE) and in public Gmail extensions that strip replies
 * (2021–2026). Read only when an agent asks the copilot for something. [several]
 */
export const QUOTED_HISTORY = '.gmail_quote, blockquote, .gmail_extra, .adL, .yj6qo';

/**
 * The "Reply" button under the thread's newest message (`span.ams.bkH`, role button);
 * Gmail opens an inline reply in the last message's `.ip` area, which InboxSDK announces
 * as an inline reply ComposeView. Seen in InboxSDK gmail-message-view.ts
 * (`#setupReplyStream`: `.ip`, `.adB`, `.M9`, snapshot of 2026-07-23) and in public Gmail
 * extensions that open a reply (2019–2026). Not in the 2026-11 fixture pages; the copilot
 * spec serves a variant with it.
 */
export const REPLY_BUTTON = '.ams.bkH[role="button"], span.ams.bkH';
