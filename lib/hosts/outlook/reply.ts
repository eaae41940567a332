import { keepCaret } from '../caret';
import type { ReplyDraft } from '../types';
import { messagesIn } from './conversation';
import { insertAtCaret } from './insert';
import {
  COMPOSE_BODY,
  COMPOSE_FORM,
  CONVERSATION,
  MESSAGE_ACTIONS,
  READING_PANE,
} from './selectors';
import { waitFor } from './watch';

/** How long Outlook may take to draw the inline reply after Reply was pressed. */
const OPEN_WAIT_MS = 10_000;

const replyBody = (doc: Document) =>
  doc.querySelector(READING_PANE)?.querySelector<HTMLElement>(COMPOSE_BODY) ?? null;

/**
 * The reply draft open in the reading pane, else a new one: the newest message's Reply
 * (the first button of its action toolbar, whatever the language calls it). Never sends.
 */
export async function openReply(doc: Document, signal: AbortSignal): Promise<ReplyDraft> {
  let body = replyBody(doc);
  if (!body) {
    const pane = doc.querySelector(READING_PANE);
    const container = pane?.querySelector(CONVERSATION) ?? pane;
    const newest = container ? messagesIn(container).at(-1) : undefined;
    const button = newest?.querySelector(MESSAGE_ACTIONS)?.querySelector<HTMLElement>('button');
    if (!button) throw new Error('Outlook shows no Reply button on this conversation');
    button.click();
    body = await waitFor(doc.body, () => replyBody(doc), OPEN_WAIT_MS, signal).catch(() => {
      throw new Error('Outlook did not open a reply in time');
    });
  }
  return draftOf(body, signal);
}

function draftOf(body: HTMLElement, signal: AbortSignal): ReplyDraft {
  const caret = keepCaret(body, signal);
  return {
    element: body.closest<HTMLElement>(COMPOSE_FORM) ?? body.parentElement ?? body,
    // Outlook re-renders its editor: insert into the body on the page now.
    insertHtml: (html) => {
      const current = body.isConnected ? body : (replyBody(body.ownerDocument) ?? body);
      insertAtCaret(current, html, caret.last());
    },
    focusBody: caret.restore,
    signal,
  };
}
