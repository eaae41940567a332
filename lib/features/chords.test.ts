import { describe, expect, it } from 'vitest';
import { chordText, isTypingTarget, type KeyPress, SHORTCUTS, shortcutFor } from './chords';

const press = (code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  code,
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  repeat: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps Alt+Shift+<letter> to its command by physical key', () => {
    expect(shortcutFor(press('KeyK'), false)?.command).toBe('take');
    expect(shortcutFor(press('KeyR'), false)?.command).toBe('template');
    expect(shortcutFor(press('KeyZ'), false)?.command).toBe('snooze');
  });

  it('needs exactly Alt and Shift, and ignores auto-repeat', () => {
    expect(shortcutFor(press('KeyK', { shiftKey: false }), false)).toBeNull();
    expect(shortcutFor(press('KeyK', { altKey: false }), false)).toBeNull();
    expect(shortcutFor(press('KeyK', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press('KeyK', { metaKey: true }), false)).toBeNull();
    expect(shortcutFor(press('KeyK', { repeat: true }), false)).toBeNull();
    expect(shortcutFor(press('KeyQ'), false)).toBeNull();
  });

  it('while typing, only the template shortcut runs', () => {
    expect(shortcutFor(press('KeyR'), true)?.command).toBe('template');
    for (const code of ['KeyK', 'KeyU', 'KeyX', 'KeyZ', 'KeyG'])
      expect(shortcutFor(press(code), true)).toBeNull();
  });

  it('gives every command one key, none of them Chrome’s own', () => {
    const codes = SHORTCUTS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const chrome of ['KeyA', 'KeyB', 'KeyI', 'KeyT', 'KeyL', 'KeyM', 'KeyN', 'KeyS'])
      expect(codes).not.toContain(chrome);
    expect(SHORTCUTS.map(chordText)).toContain('alt+shift+r');
  });
});

describe('isTypingTarget', () => {
  it('is true for fields and editable text only', () => {
    const el = (tagName: string, isContentEditable = false) =>
      ({ tagName, isContentEditable }) as unknown as EventTarget;
    expect(isTypingTarget(el('INPUT'))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('DIV', true))).toBe(true);
    expect(isTypingTarget(el('DIV'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
