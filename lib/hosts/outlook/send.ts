import type { SentReply } from '../types';
import { COMPOSE_BODY, SEND_BUTTON } from './selectors';

/**
 * Outlook takes a draft off the page once its server accepted it; a draft that leaves
 * longer than this after Send was pressed left for another reason.
 */
const SENT_WITHIN_MS = 15_000;

/** Outlook on the web sends with Ctrl+Enter (Cmd+Enter on a Mac) and Alt+S. */
export const isSendKey = (e: KeyboardEvent) =>
  (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) || (e.altKey && e.code === 'KeyS');

/**
 * A send as Outlook shows one, with no send event to hear: Send pressed (its button or a
 * shortcut), then the draft's body leaves the page while no body is left in its form. A
 * draft whose send failed stays; one that only re-rendered has a new body in its form
 * (found again by its id when the form node itself was replaced).
 */
export function watchSend(
  form: HTMLElement,
  body: HTMLElement,
  threadId: () => Promise<string | null>,
  signal: AbortSignal,
) {
  const doc = body.ownerDocument;
  const handlers: ((sent: SentReply) => void)[] = [];
  let pressed: { at: number; threadId: Promise<string | null> } | null = null;
  const press = () => {
    pressed = { at: Date.now(), threadId: threadId() };
  };
  doc.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(SEND_BUTTON) && form.contains(target)) press();
    },
    { capture: true, signal },
  );
  body.addEventListener('keydown', (event) => isSendKey(event) && press(), { signal });
  const stillDrafting = () => {
    const current = form.isConnected ? form : form.id ? doc.getElementById(form.id) : null;
    return current?.querySelector(COMPOSE_BODY) != null;
  };
  return {
    onSent(handler: (sent: SentReply) => void) {
      handlers.push(handler);
    },
    /** The body left the page: tells the handlers if that was the send. */
    left() {
      const sent = pressed;
      if (!sent || Date.now() - sent.at > SENT_WITHIN_MS || stillDrafting()) return;
      const at = new Date(sent.at).toISOString();
      void sent.threadId.then((id) => {
        for (const handler of handlers) handler({ threadId: id, at });
      });
    },
  };
}
