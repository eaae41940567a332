import type { Participant } from '../../schema';
import type { RowChip } from '../types';
import { contactOf } from './contact';
import { parseOutlookDate } from './dates';
import { normaliseId } from './ids';
import { CONVERSATION_ID_ATTRIBUTE, ROW_SENDER, ROW_TITLED } from './selectors';

/** What one list row shows of its conversation. */
export interface RowView {
  threadId: string;
  subject: string;
  participants: Participant[];
  lastMessageAt: string | null;
}

/**
 * Reads a row by attributes only (its aria-label is translated). Senders are the titled
 * spans holding an address; the time is the first title that reads as a date; the subject
 * the first other titled span. Null when the row has no conversation id.
 */
export function readRow(row: Element, lang: string): RowView | null {
  const threadId = normaliseId(row.getAttribute(CONVERSATION_ID_ATTRIBUTE));
  if (!threadId) return null;
  const participants = new Map<string, Participant>();
  for (const span of row.querySelectorAll(ROW_SENDER)) {
    const person = contactOf(span.textContent ?? '', span.getAttribute('title'));
    if (person && !participants.has(person.email)) participants.set(person.email, person);
  }
  let subject = '';
  let lastMessageAt: string | null = null;
  for (const titled of row.querySelectorAll('[title]')) {
    const title = titled.getAttribute('title') ?? '';
    const when = parseOutlookDate(title, lang);
    if (when) {
      lastMessageAt ??= when;
    } else if (!subject && titled.matches(ROW_TITLED) && !title.includes('@')) {
      subject = title.trim();
    }
  }
  return { threadId, subject, participants: [...participants.values()], lastMessageAt };
}

const CHIPS_ATTRIBUTE = 'data-sidedesk-chips';

const CHIP_CSS = `
:host { all: initial; display: inline-flex; gap: 4px; margin-inline-start: 6px; vertical-align: middle; }
span { font: 600 11px/16px system-ui, sans-serif; padding: 0 6px; border-radius: 8px; white-space: nowrap; }
`;

/**
 * Keeps the row's chips equal to `chips`, in a shadow root appended as the row's last
 * child (Outlook's CSS cannot reach it). Idempotent, so it can run after every re-render:
 * a row React replaced gets its chips back, an unchanged one is not touched.
 */
export function drawChips(row: Element, chips: readonly RowChip[]) {
  let host = row.querySelector(`:scope > [${CHIPS_ATTRIBUTE}]`);
  if (chips.length === 0) {
    host?.remove();
    return;
  }
  const drawn = JSON.stringify(chips);
  if (host?.getAttribute(CHIPS_ATTRIBUTE) === drawn) return;
  if (!host?.shadowRoot) {
    host?.remove();
    host = row.ownerDocument.createElement('span');
    host.attachShadow({ mode: 'open' });
    row.append(host);
  }
  host.setAttribute(CHIPS_ATTRIBUTE, drawn);
  // The style stays: a new one per redraw is parsed again, a hundred times in a burst.
  let style = host.shadowRoot?.querySelector('style');
  if (!style) {
    style = row.ownerDocument.createElement('style');
    style.textContent = CHIP_CSS;
  }
  const spans = chips.map((chip) => {
    const span = row.ownerDocument.createElement('span');
    span.textContent = chip.text;
    span.dataset.testid = 'row-chip';
    span.style.color = chip.foreground;
    span.style.background = chip.background;
    return span;
  });
  host.shadowRoot?.replaceChildren(style, ...spans);
}
