import type { Participant } from '../../schema';
import { keepCaret } from '../caret';
import type { OpenedCompose, ToolbarButton } from '../types';
import { contactOf } from './contact';
import { openConversationId } from './conversation';
import { insertAtCaret } from './insert';
import type { PageContext } from './list';
import {
  ADDRESS_CHIP,
  ADDRESS_WELL,
  COMPOSE_BODY,
  COMPOSE_FORM,
  CONVERSATION,
  QUOTED_REPLY,
  SEND_BUTTON,
} from './selectors';
import { watchSend } from './send';
import { onDomChange } from './watch';

interface Draft {
  controller: AbortController;
  /** Our toolbar buttons, put back when a re-render drops them. */
  buttons: HTMLElement[];
  /** Tells whether the body leaving the page was the draft being sent. */
  left(): void;
}

/**
 * Announces each draft body that appears (inline reply, new mail, dialog), with a signal
 * that aborts when it leaves the page (sent, discarded, or re-rendered as a new node).
 */
export function watchComposes(
  page: PageContext,
  handler: (compose: OpenedCompose) => void,
  signal: AbortSignal,
) {
  const drafts = new Map<HTMLElement, Draft>();
  const scan = () => {
    for (const [body, draft] of drafts) {
      if (body.isConnected) {
        for (const button of draft.buttons) if (!button.isConnected) place(body, button);
        continue;
      }
      draft.left();
      draft.controller.abort();
      drafts.delete(body);
    }
    for (const body of page.doc.querySelectorAll<HTMLElement>(COMPOSE_BODY)) {
      if (drafts.has(body)) continue;
      const controller = new AbortController();
      signal.addEventListener('abort', () => controller.abort(), { once: true });
      const buttons: HTMLElement[] = [];
      const { compose, left } = openedCompose(page, body, buttons, controller.signal);
      drafts.set(body, { controller, buttons, left });
      handler(compose);
    }
  };
  onDomChange(page.doc.body, scan, signal);
  scan();
}

function openedCompose(
  page: PageContext,
  body: HTMLElement,
  buttons: HTMLElement[],
  signal: AbortSignal,
): { compose: OpenedCompose; left(): void } {
  const doc = page.doc;
  const caret = keepCaret(body, signal);
  const form = formOf(body);
  // A reply sits in the conversation it answers, or quotes it; a new mail does neither.
  const threadId = async () =>
    body.closest(CONVERSATION) || body.querySelector(QUOTED_REPLY) ? openConversationId(doc) : null;
  const sending = watchSend(form, body, threadId, signal);
  const compose: OpenedCompose = {
    element: form,
    threadId,
    recipients: () => toRecipients(form),
    insertHtml: (html) => insertAtCaret(body, html, caret.last()),
    focusBody: caret.restore,
    addToolbarButton: (button) => {
      const element = toolbarButton(doc, button);
      buttons.push(element);
      place(body, element);
    },
    onSent: sending.onSent,
    signal,
  };
  return { compose, left: sending.left };
}

const formOf = (body: HTMLElement): HTMLElement =>
  body.closest<HTMLElement>(COMPOSE_FORM) ?? body.parentElement ?? body;

/** The To well's chips that show an address; chips showing only a name are left out. */
function toRecipients(form: HTMLElement): Participant[] {
  const well = form.querySelector(ADDRESS_WELL);
  if (!well) return [];
  return [...well.querySelectorAll(ADDRESS_CHIP)].flatMap(
    (chip) => contactOf(chip.textContent ?? '', chip.getAttribute('title')) ?? [],
  );
}

/** Beside the send button, where S2 puts its own; else just above the body. */
function place(body: HTMLElement, button: HTMLElement) {
  const send = formOf(body).querySelector(SEND_BUTTON);
  if (send) send.after(button);
  else body.before(button);
}

function toolbarButton(doc: Document, button: ToolbarButton): HTMLElement {
  const host = doc.createElement('span');
  host.dataset.sidedeskToolbar = '';
  host.style.display = 'inline-flex';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent =
    'button { all: initial; display: inline-grid; place-items: center; width: 32px; height: 32px; cursor: pointer; border-radius: 4px; } button:hover { background: rgba(0,0,0,.06); } button:focus-visible { outline: 2px solid #0f6cbd; } img { width: 20px; height: 20px; }';
  const element = doc.createElement('button');
  element.type = 'button';
  element.title = button.title;
  element.setAttribute('aria-label', button.title);
  const icon = doc.createElement('img');
  icon.alt = '';
  icon.src = button.iconUrl;
  element.append(icon);
  element.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    button.onClick();
  });
  shadow.append(style, element);
  return host;
}
