import { chordText, isTypingTarget, SHORTCUTS, shortcutFor } from './chords';
import type { Feature } from './index';

/**
 * Turns Alt+Shift chords into commands. Capture phase on the document, so Gmail's own
 * handlers never see a chord we use; a chord nothing on the page can run (no thread or
 * draft open) is left alone for the browser.
 */
export const keyboard: Feature = {
  name: 'keyboard',
  init({ host, commands, signal }) {
    host.describeShortcuts(
      SHORTCUTS.map((s) => ({ chord: chordText(s), description: s.description })),
      signal,
    );
    document.addEventListener(
      'keydown',
      (event) => {
        const shortcut = shortcutFor(event, isTypingTarget(event.composedPath()[0]));
        if (!shortcut || !commands.run(shortcut.command)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      { capture: true, signal },
    );
  },
};
