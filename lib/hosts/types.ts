import type { ConversationMeta, Host, Participant, ThreadRef, ThreadText } from '../schema';
import type { Queue } from '../schema/messages';

/**
 * What every mail host (Gmail through InboxSDK, Outlook through its DOM) gives the
 * features. Features never query a host's page themselves; everything they draw goes
 * through here. Every registration takes an AbortSignal and is undone when it aborts,
 * so a feature tears down by aborting one controller (refined-github's pattern).
 */
export interface MailHost {
  readonly host: Host;
  /** The signed-in account's address: the mailbox every ThreadRef of this page names. */
  readonly mailbox: string;
  onThreadRow(handler: (row: ThreadRow) => void, signal: AbortSignal): void;
  onThreadOpened(handler: (thread: OpenedThread) => void, signal: AbortSignal): void;
  onComposeOpened(handler: (compose: OpenedCompose) => void, signal: AbortSignal): void;
  /** Draws a queue page when the user navigates to it (the host owns the URL scheme). */
  onQueueShown(handler: (view: QueueView) => void, signal: AbortSignal): void;
  openQueue(queue: Queue): Promise<void>;
  /** Links to queue pages in the host's navigation, under one parent; removed on abort. */
  addQueueNav(title: string, items: readonly QueueNavItem[], signal: AbortSignal): QueueNav;
  /** Lists shortcuts in the host's own shortcut help, where it has one; keys are ours to handle. */
  describeShortcuts(shortcuts: readonly ShortcutHelp[], signal: AbortSignal): void;
  openThread(threadId: string): Promise<void>;
  /** Calls back now and whenever the host's theme changes. */
  onThemeChange(handler: (theme: Theme) => void, signal: AbortSignal): void;
}

/** A row of the host's thread list. `signal` aborts when the row leaves the page. */
export interface ThreadRow {
  readonly ref: ThreadRef;
  readonly subject: string;
  readonly participants: Participant[];
  /** The newest message's time as the row shows it (to the minute), null when unreadable. */
  readonly lastMessageAt: string | null;
  /** The conversation as far as the row and its first message's headers tell it. */
  read(): Promise<ReadResult<ConversationMeta>>;
  /** Replaces the row's chips; an empty list removes them. */
  setChips(chips: readonly RowChip[]): void;
  readonly signal: AbortSignal;
}

export interface RowChip {
  text: string;
  foreground: string;
  background: string;
}

/** An open conversation. `signal` aborts when the user leaves it. */
export interface OpenedThread {
  readonly ref: ThreadRef;
  /** Everything the page shows about the conversation, or why it could not all be read. */
  read(): Promise<ReadResult<ConversationMeta>>;
  /** The raw headers of the conversation's first message; null where the host cannot serve them. */
  readFirstMessage(): Promise<FirstMessage | null>;
  /** An element in the host's sidebar for this conversation; removed when the thread closes. */
  mountSidebar(panel: SidebarPanel): HTMLElement;
  /**
   * The messages' plain text, quoted history trimmed, read only when an agent asks the
   * copilot; a message the page shows collapsed has its sender and date and empty text.
   */
  readText(): Promise<ThreadText>;
  /** The reply draft open on this conversation, else a new one (the host's Reply); never sent. */
  openReply(): Promise<ReplyDraft>;
  readonly signal: AbortSignal;
}

/** A reply draft as the copilot uses it: somewhere to insert, nothing that sends. */
export type ReplyDraft = Pick<OpenedCompose, 'element' | 'insertHtml' | 'focusBody' | 'signal'>;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface FirstMessage {
  /** RFC 5322 msg-id with its angle brackets, or null when the message has none. */
  messageId: string | null;
  /** The Date header as an ISO instant, or null when absent or unreadable. */
  sentAt: string | null;
}

export interface SidebarPanel {
  title: string;
  iconUrl: string;
}

/** A draft being written. `signal` aborts when it is sent, discarded or closed. */
export interface OpenedCompose {
  /** The window of the draft, for drawing over it. */
  readonly element: HTMLElement;
  /** The host thread a reply belongs to; null for a new message. */
  threadId(): Promise<string | null>;
  /** The addresses in To, as typed so far. */
  recipients(): Participant[];
  /** Inserts at the cursor; only sanitised HTML is accepted. */
  insertHtml(html: SafeHtml): void;
  /** Puts the keyboard focus back in the body. */
  focusBody(): void;
  addToolbarButton(button: ToolbarButton): void;
  /**
   * Calls back once the draft went out (not when only saved or discarded): a reply with
   * its thread. A forward is left out where the host tells one (Gmail).
   */
  onSent(handler: (sent: SentReply) => void): void;
  /**
   * Calls back when Send is pressed, before the draft goes; `cancel()` keeps it. Absent
   * where the host gives no way to hold a send (Outlook).
   */
  onPresending?(handler: (send: { cancel(): void }) => void): void;
  readonly signal: AbortSignal;
}

/** A draft that went out. */
export interface SentReply {
  /** The thread it answered; null for a new message, or when the host cannot tell. */
  threadId: string | null;
  /** When it was sent, as an ISO instant. */
  at: string;
}

/** HTML that went through the sanitiser: the only HTML a host inserts into a draft. */
export type SafeHtml = string & { readonly __safeHtml: unique symbol };

export interface ToolbarButton {
  title: string;
  iconUrl: string;
  onClick(): void;
}

export interface QueueNavItem {
  queue: Queue;
  name: string;
}

export interface QueueNav {
  /** Replaces the items (tags come and go); unchanged ones stay where they are. */
  setItems(items: readonly QueueNavItem[]): void;
}

export interface ShortcutHelp {
  /** Lowercase, `+`-joined: "alt+shift+r". */
  chord: string;
  description: string;
}

/** A queue page. `signal` aborts when the user navigates away. */
export interface QueueView {
  readonly queue: Queue;
  readonly element: HTMLElement;
  readonly signal: AbortSignal;
}

export type ThemeMode = 'light' | 'dark';

/** Hosts may darken their frame (navigation, side panel) apart from the mail content. */
export interface Theme {
  frame: ThemeMode;
  content: ThemeMode;
}
