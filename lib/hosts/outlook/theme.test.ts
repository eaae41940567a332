// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://outlook.office.com/mail/"}
import { describe, expect, it } from 'vitest';
import { loadOutlookPage, settle } from '../../testing/outlook-page';
import type { Theme } from '../types';
import { colourMode, observeTheme, readTheme } from './theme';

const DARK_TOKENS = ':root{--white:#000000;--black:#FFFFFF;--colorNeutralBackground1:#292929}';

describe('Outlook’s theme', () => {
  it('is told by a colour’s luminance', () => {
    expect(colourMode('#FFFFFF')).toBe('light');
    expect(colourMode('#000')).toBe('dark');
    expect(colourMode(' rgb(41, 41, 41) ')).toBe('dark');
    expect(colourMode('rgba(245, 245, 245, 1)')).toBe('light');
    expect(colourMode('')).toBeNull();
    expect(colourMode('var(--x)')).toBeNull();
  });

  it('follows Outlook’s own tokens, and the system when it has none', () => {
    loadOutlookPage('list-2026-11.html');
    expect(readTheme(document, true)).toEqual({ frame: 'light', content: 'light' });
    const tokens = document.getElementById('fixture-theme');
    if (tokens) tokens.textContent = DARK_TOKENS;
    expect(readTheme(document, false)).toEqual({ frame: 'dark', content: 'dark' });
    tokens?.remove();
    expect(readTheme(document, true)).toEqual({ frame: 'dark', content: 'dark' });
    expect(readTheme(document, false)).toEqual({ frame: 'light', content: 'light' });
  });

  it('is announced now and again when Outlook swaps its tokens', async () => {
    loadOutlookPage('list-2026-11.html');
    const seen: Theme[] = [];
    const stop = new AbortController();
    observeTheme(document, (theme) => seen.push(theme), stop.signal);
    const tokens = document.getElementById('fixture-theme');
    if (tokens) tokens.textContent = DARK_TOKENS;
    await settle();
    expect(seen.map((t) => t.frame)).toEqual(['light', 'dark']);
    stop.abort();
    if (tokens) tokens.textContent = ':root{--white:#FFFFFF}';
    await settle();
    expect(seen).toHaveLength(2);
  });
});
