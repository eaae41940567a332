/**
 * Everything this adapter knows of Outlook on the web's markup. Microsoft publishes none
 * of it; each entry names its sources (S1…S17, U: tests/fixtures/outlook/NOTES.md), when
 * they saw it, and a mark: [several] sources agree, [one] source, [guessed] inferred.
 * Only ids, roles, `aria-*` presence (never their text: it is translated),
 * `data-app-section`, `data-convid` and `data-testid`: Outlook's hashed class names rotate
 * every few months. When Outlook changes, this file and tests/fixtures/outlook/ change
 * together. Nothing here was checked against a live mailbox yet.
 */

/**
 * Nodes only Outlook's React client has: its CDN and `owamail` bundles. S1 Briskine
 * outlook.js uses them for custom domains and pop-outs (since 2024-04; HEAD 2026-08). [one]
 */
export const OWA_NODES =
  'head [href*="cdn.office.net"], meta[content*="owamail"], link[href*="/owamail/"], script[src*="/owamail/"]';

/** The mail module's paths; calendar and people live beside it. S3 (live, 2026-04), S10 (2025-10). [several] */
export const MAIL_PATH = /^\/mail(?:\/|$)/;

/** A pop-out compose window (its own tab, no list or reading pane). S1, U (2024–2026). [several] */
export const POPOUT_PATH = /\/deeplink\/compose\b/;

/** The message list region. S6 (2026-08), U (five scripts). [several] */
export const MESSAGE_LIST = '[data-app-section="MessageList"]';

/** The list box; `aria-activedescendant` names the focused row's id. S3 (2026-04), S4 (2024-11). [several] */
export const LISTBOX = '[role="listbox"]';

/**
 * A row: an option of the list box carrying the Exchange conversation id. S3 (live
 * 2026-04), S4 (2024-11), S5 (2025-12), S6 (2026-08), U. [several]
 */
export const ROW = '[role="option"][data-convid]';
export const CONVERSATION_ID_ATTRIBUTE = 'data-convid';
export const SELECTED_ROW = '[role="option"][aria-selected="true"][data-convid]';

/**
 * A row's senders: `title` holds the address, the text the name. S5 (2025-12), S2
 * (2024-07), U. [several] The subject is the first other titled span that is not a date:
 * S5's heuristic (2025-12). [one]
 */
export const ROW_SENDER = 'span[title*="@"]';
export const ROW_TITLED = 'span[title]';

/**
 * The reading pane: `MailReadCompose` (S2 2024-07, S4 2024-11, S6 2026-08, U) holding
 * `#ReadingPaneContainerId` (S2, U); either one will do. [several]
 */
export const READING_PANE = '[data-app-section="MailReadCompose"], #ReadingPaneContainerId';

/** The conversation's messages, with `data-convid` (U, several scripts). S2 (2024-07), S6 (2026-08). [several] */
export const CONVERSATION = '[data-app-section="ConversationContainer"]';

/**
 * The subject: a heading outside the messages (whose From, To and date are headings too).
 * Level 2 in S2 (2024-07), level 3 in S3's live capture (2026-04); both are accepted. [several]
 */
export const HEADING = '[role="heading"][aria-level="2"], [role="heading"][aria-level="3"]';

/** One per message, collapsed or not. S2 (2024-07), U. [several] */
export const MESSAGE_TIME = '[data-testid="SentReceivedSavedTime"]';

/** A message's To/Cc line. S2 (2024-07), U. [one]+U */
export const RECIPIENT_WELL = '[data-testid="RecipientWell"]';

/**
 * A person in a message header: text "Name <address>", or only the name for the mailbox's
 * own address (S2 reads the address from the text, 2024-07). [one]
 */
export const PERSON = '[data-lpc-hover-target-id]';

/**
 * The draft body, anchored on the whole set of attributes: S1's history (2023–2026) shows
 * each one alone moving between fields. S1, S2 (2024-07), S8 (2026-04), S9 (2025-08). [several]
 */
export const COMPOSE_BODY = '[role="textbox"][contenteditable="true"][aria-multiline="true"]';

/**
 * The draft's form: inline reply `#docking_InitVisiblePart_N` (S1, S2, U ×6), pop-out
 * `Form_Content` (S1), `ComposeForm` (U), dialog (S2). [several]
 */
export const COMPOSE_FORM =
  '[id^="docking_InitVisiblePart"], [data-app-section="Form_Content"], [data-app-section="ComposeForm"], [role="dialog"]';

/** To, Cc, Bcc wells, in that order: editable but not multi-line. S1 (2026-03). [one] */
export const ADDRESS_WELL = '[contenteditable="true"]:not([aria-multiline="true"])';

/** A recipient chip: a direct child of the well with its own `contenteditable`. S1 (2026-03). [one] */
export const ADDRESS_CHIP = ':scope > [contenteditable]';

/** The send button's wrapper, used by S2 as the anchor for its own buttons (2024-07). [one] */
export const SEND_BUTTON = '[data-testid="ComposeSendButton"]';

/**
 * The quoted message of a reply or forward inside the body (`x_` prefixed when quoted
 * again). S2 tells a reply from a new mail by it (2024-07), U. [one]+U
 */
export const QUOTED_REPLY = '[id$="divRplyFwdMsg"], [id$="RplyFwdMsg"]';

/** Signature and quoted reply inside the body: a new caret goes above them. U, S2 (2024-07). [one]+U */
export const BODY_TAIL = `#Signature, #appendonsend, hr, ${QUOTED_REPLY}`;

/** The account flyout's address, present once it has been opened. S2 (2024-07), U ×8. [several] */
export const ACCOUNT_ADDRESS = '#mectrl_currentAccount_secondary';

/**
 * Other places the signed-in address may show without opening anything: the account
 * button's label or title, and `login_hint` links (U, 2026). [guessed]
 */
export const ACCOUNT_BUTTON =
  '#mectrl_main_trigger, #O365_MainLink_Me, #owa-me-control-container button';
export const LOGIN_HINT_LINK = 'a[href*="login_hint"]';

/**
 * The mailbox segment of a path: `/mail/<address>/…` for a mailbox opened by its address
 * (two public C#/TS link builders, 2025–2026, percent-encoded), after a consumer account
 * index `/mail/0/` (U). [several]
 */
export const MAILBOX_PATH = /^\/mail\/(?:\d+\/)?([^/]+)/;

/**
 * The id of the opened item: `/mail/id/<id>` (S3 live 2026-04: an item id),
 * `/mail/inbox/id/<id>` (S10 2025-10: a conversation id, copied into `readconv`),
 * `/deeplink/readconv/<id>` (S10), `/deeplink/read/<id>` (U). [several]
 */
export const OPENED_ID_PATH = /\/(?:id|deeplink\/readconv|deeplink\/read)\/([^/?#]+)/;

/** Exchange conversation ids: `AAQk…` (work), `AQQk…` (personal); item ids differ (U). [one]+U */
export const CONVERSATION_ID_FORM = /^A[AQ]Qk/;

/** Where a conversation opened by its id is shown on a fresh load. S10 (2025-10). [one] */
export const READ_CONVERSATION_PATH = 'deeplink/readconv/';

/**
 * Theme: `--white` is #FFFFFF in light mode and #000000 in dark (S6, measured on a live
 * mailbox 2026-08-05); `--colorNeutralBackground1` is the Fluent v9 surface (S6). Read on
 * Outlook's regions first, since Fluent may scope its tokens below `<html>`. No dark-mode
 * class or attribute is known. [one]
 */
export const THEME_PAGE_TOKEN = '--white';
export const THEME_SURFACE_TOKEN = '--colorNeutralBackground1';
export const THEME_PROBES = [
  '[data-app-section="MailReadCompose"]',
  '[data-app-section="MessageList"]',
  '#app',
] as const;

/**
 * Attributes whose change can mean a row, the opened conversation or a draft changed; the
 * observers watch only these (and nodes and text), so Outlook's styling churn is ignored.
 */
export const WATCHED_ATTRIBUTES = [
  'data-convid',
  'aria-selected',
  'aria-activedescendant',
  'aria-expanded',
  'title',
  'contenteditable',
  'data-app-section',
  'data-testid',
];

/**
 * A message's body in the reading pane, read only when an agent asks the copilot:
 * `UniqueMessageBody_N` ids with `role="document"` (several public OWA scripts and
 * automation code read it, 2024–2026, via the code search; U). A collapsed message has
 * none, only a preview line we do not read. [several]
 */
export const MESSAGE_BODY = '[id^="UniqueMessageBody"], [role="document"]';

/**
 * Quoted history inside a received body: the reply header block (`divRplyFwdMsg`, `x_`
 * prefixed once quoted) and everything after it, and `blockquote`s. S2 (2024-07), U.
 * [one]+U
 */
export const BODY_QUOTE_START = QUOTED_REPLY;
export const BODY_QUOTED = 'blockquote, #Signature, [id$="_Signature"]';

/**
 * A message's action toolbar (`role="toolbar"` inside the message item) whose first
 * button is Reply; labels are translated, so the position is what is relied on. U (every
 * 2026-11 fixture page). [guessed]
 */
export const MESSAGE_ACTIONS = '[role="toolbar"]';
