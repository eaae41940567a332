// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest';
import { keepCaret } from './caret';

const stop = new AbortController();
afterEach(() => {
  stop.abort();
  document.body.replaceChildren();
});

function caretAt(node: Node, offset: number) {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

it('knows where the caret was when the focus leaves for a picker before selectionchange comes', () => {
  // A browser dispatches selectionchange a task later; here it is held back at will.
  let holdSelectionChange = false;
  document.addEventListener('selectionchange', (e) => {
    if (holdSelectionChange) e.stopImmediatePropagation();
  });
  const body = document.createElement('div');
  body.contentEditable = 'true';
  const text = document.createTextNode('Before. ');
  body.append(text);
  const search = document.createElement('input');
  document.body.append(body, search);
  const caret = keepCaret(body, stop.signal);

  body.focus();
  caretAt(text, 'Before.'.length);
  expect(caret.last()?.startOffset).toBe('Before.'.length);

  // The last keystroke moved the caret; its selectionchange is still to come when the
  // shortcut opens the picker, whose search box takes the focus.
  holdSelectionChange = true;
  caretAt(text, 'Before. '.length);
  body.dispatchEvent(new FocusEvent('focusout', { relatedTarget: search }));
  search.focus();
  caretAt(search, 0);
  holdSelectionChange = false;
  caretAt(search, 0);
  expect(caret.last()?.startOffset).toBe('Before. '.length);
});
