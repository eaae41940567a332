import type { Theme, ThemeMode } from '../types';
import { THEME_PAGE_TOKEN, THEME_PROBES, THEME_SURFACE_TOKEN } from './selectors';

/** Light or dark by a colour's luminance; null when it is not a colour we can read. */
export function colourMode(value: string): ThemeMode | null {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1];
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(text);
  let channels: number[];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    channels = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16));
  } else if (rgb) {
    channels = rgb.slice(1, 4).map(Number);
  } else {
    return null;
  }
  const [r = 0, g = 0, b = 0] = channels.map((c) => c / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}

/**
 * Outlook's mode from its own colour tokens (the page colour `--white`, else the surface),
 * read on its regions; the system's preference when neither resolves, which is what
 * Outlook follows by default (S6). Outlook darkens frame and mail together.
 */
export function readTheme(doc: Document, prefersDark: boolean): Theme {
  const view = doc.defaultView;
  const places = [...THEME_PROBES.map((s) => doc.querySelector(s)), doc.body, doc.documentElement];
  for (const place of places) {
    if (!place || !view) continue;
    const style = view.getComputedStyle(place);
    const mode =
      colourMode(style.getPropertyValue(THEME_PAGE_TOKEN)) ??
      colourMode(style.getPropertyValue(THEME_SURFACE_TOKEN));
    if (mode) return { frame: mode, content: mode };
  }
  const mode = prefersDark ? 'dark' : 'light';
  return { frame: mode, content: mode };
}

/**
 * Calls back now and whenever the mode changes: token rules arrive as style sheets in
 * <head> or as attributes on <html> and <body>; the system preference has its own event.
 */
export function observeTheme(doc: Document, handler: (theme: Theme) => void, signal: AbortSignal) {
  const media = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
  let last = readTheme(doc, media?.matches ?? false);
  handler(last);
  const check = () => {
    const next = readTheme(doc, media?.matches ?? false);
    if (next.frame === last.frame && next.content === last.content) return;
    last = next;
    handler(next);
  };
  const observer = new MutationObserver(check);
  observer.observe(doc.head, { childList: true, subtree: true, characterData: true });
  observer.observe(doc.documentElement, { attributes: true });
  observer.observe(doc.body, { attributes: true });
  media?.addEventListener('change', check, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
