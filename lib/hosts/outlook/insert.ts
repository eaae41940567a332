import type { SafeHtml } from '../types';
import { BODY_TAIL } from './selectors';

/**
 * Inserts `html` at `caret` in the draft body (or, without one inside it, on the body's
 * first line, above the signature and the quoted message), the way S1 (Briskine,
 * 2026-03) does for Outlook: a Range insert of a contextual fragment, a blank line
 * replaced rather than pushed down, the caret put after the insert, and `input` and
 * `change` events so the editor takes the change into its own model.
 */
export function insertAtCaret(body: HTMLElement, html: SafeHtml, caret: Range | null): void {
  const doc = body.ownerDocument;
  const range = caret && body.contains(caret.startContainer) ? caret.cloneRange() : firstLine(body);
  range.deleteContents();
  const line = lineOf(range.startContainer, body);
  if (line && isBlank(line)) {
    range.selectNodeContents(line);
    range.deleteContents();
  }
  const fragment = range.createContextualFragment(html);
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last) range.setStartAfter(last);
  range.collapse(true);
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  body.dispatchEvent(new Event('change', { bubbles: true }));
}

function firstLine(body: HTMLElement): Range {
  const range = body.ownerDocument.createRange();
  const first = body.firstElementChild;
  if (first && !first.matches(BODY_TAIL) && !first.querySelector(BODY_TAIL)) {
    range.setStart(first, 0);
  } else {
    range.setStart(body, 0);
  }
  range.collapse(true);
  return range;
}

/** The body's child holding `node` (a line of the editor). */
function lineOf(node: Node, body: HTMLElement): Element | null {
  let line: Node | null = node;
  while (line && line.parentNode !== body) line = line.parentNode;
  return line instanceof Element ? line : null;
}

/** An empty line: only line breaks or white space (`<div><br></div>`). */
const isBlank = (line: Element) =>
  !line.matches(BODY_TAIL) &&
  [...line.childNodes].every(
    (n) => n.nodeName === 'BR' || (n.nodeType === Node.TEXT_NODE && !n.textContent?.trim()),
  );
