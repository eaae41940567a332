/**
 * Remembers the caret's last place in a draft body: our pickers take the focus, and
 * giving it back must put the caret back where it was. Stops with `signal`.
 */
export function keepCaret(body: HTMLElement, signal: AbortSignal) {
  const doc = body.ownerDocument;
  let caret: Range | null = null;
  const remember = () => {
    const selection = doc.getSelection();
    if (selection?.rangeCount && body.contains(selection.anchorNode))
      caret = selection.getRangeAt(0).cloneRange();
  };
  doc.addEventListener('selectionchange', remember, { signal });
  // selectionchange comes a task after the caret moves: a picker opened by the very next
  // key would leave it stale (the template went in before the last space typed). The
  // selection itself is current when the focus leaves.
  body.addEventListener('focusout', remember, { signal });
  return {
    /** The caret's last place in the body, if it has been there. */
    last: () => caret,
    /** Focuses the body with the caret where it was. */
    restore() {
      body.focus();
      const selection = doc.getSelection();
      if (!caret || !selection) return;
      selection.removeAllRanges();
      selection.addRange(caret);
    },
  };
}
