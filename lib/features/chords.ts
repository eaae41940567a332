import type { CommandName } from './commands';

/** The keys of a keydown that a chord looks at. */
export type KeyPress = Pick<
  KeyboardEvent,
  'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'repeat'
>;

export interface Shortcut {
  command: CommandName;
  /** KeyboardEvent.code: the physical key, so layouts and Option's dead keys do not matter. */
  code: string;
  description: string;
  /** Also while typing (the draft's body, a field); the others would swallow typed text. */
  whileTyping: boolean;
}

/**
 * Every shortcut is Alt+Shift+<letter>. Gmail's own are single keys, Shift+key, `g`/`*`
 * sequences and Ctrl/Cmd chords in a draft; none uses Alt. The letters skip Chrome's
 * Alt+Shift chords (A, B, I, T on Windows; L, M, N, S on ChromeOS). See docs/gmail.md.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'take', code: 'KeyK', description: 'Take the open conversation', whileTyping: false },
  {
    command: 'assign',
    code: 'KeyU',
    description: 'Assign the open conversation',
    whileTyping: false,
  },
  {
    command: 'close',
    code: 'KeyX',
    description: 'Close the open conversation',
    whileTyping: false,
  },
  {
    command: 'snooze',
    code: 'KeyZ',
    description: 'Snooze the open conversation',
    whileTyping: false,
  },
  { command: 'tag', code: 'KeyG', description: 'Tag the open conversation', whileTyping: false },
  {
    command: 'template',
    code: 'KeyR',
    description: 'Insert a template into the draft',
    whileTyping: true,
  },
];

/** The shortcut a keydown means, or null; `typing` is whether focus is in editable text. */
export function shortcutFor(key: KeyPress, typing: boolean): Shortcut | null {
  if (!key.altKey || !key.shiftKey || key.ctrlKey || key.metaKey || key.repeat) return null;
  const shortcut = SHORTCUTS.find((s) => s.code === key.code);
  if (!shortcut || (typing && !shortcut.whileTyping)) return null;
  return shortcut;
}

/** How a shortcut is written for people and for InboxSDK's help: "alt+shift+r". */
export const chordText = (shortcut: Shortcut) =>
  `alt+shift+${shortcut.code.replace(/^Key/, '').toLowerCase()}`;

/** Whether focus is somewhere a keystroke types text. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const element = target as HTMLElement;
  return (
    element.isContentEditable ||
    element.tagName === 'INPUT' ||
    element.tagName === 'TEXTAREA' ||
    element.tagName === 'SELECT'
  );
}
