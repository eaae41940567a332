import type { Theme } from '../types';
import { DARK_CONTENT_CLASS, DARK_FRAME_CLASS } from './selectors';

export function themeOf(classes: { contains(name: string): boolean }): Theme {
  return {
    frame: classes.contains(DARK_FRAME_CLASS) ? 'dark' : 'light',
    content: classes.contains(DARK_CONTENT_CLASS) ? 'dark' : 'light',
  };
}

/** Follows InboxSDK's theme classes on <body>; calls back now and on every change. */
export function observeTheme(
  body: HTMLElement,
  handler: (theme: Theme) => void,
  signal: AbortSignal,
) {
  let last = themeOf(body.classList);
  handler(last);
  const observer = new MutationObserver(() => {
    const next = themeOf(body.classList);
    if (next.frame === last.frame && next.content === last.content) return;
    last = next;
    handler(next);
  });
  observer.observe(body, { attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
