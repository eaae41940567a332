import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ThemeMode } from '../../lib/hosts/types';
import { PaintedMark } from './PaintedMark';
import { SIDEBAR_CSS } from './styles';
import { ThreadSidebar, type ThreadSidebarProps } from './ThreadSidebar';

/**
 * Renders the sidebar into a shadow root of `host` (the element the mail host gave us);
 * `draw` redraws it, `setTheme` follows the host's light or dark frame. Unmounts when
 * `signal` aborts.
 */
export function mountThreadSidebar(host: HTMLElement, signal: AbortSignal) {
  // Open, so tests and assistive tech can reach inside; Gmail's CSS still cannot.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = SIDEBAR_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  const root = createRoot(container);
  signal.addEventListener('abort', () => root.unmount(), { once: true });
  return {
    draw(props: ThreadSidebarProps) {
      if (signal.aborted) return;
      // Rendered now rather than on React's next scheduled task: the data is already late.
      flushSync(() =>
        root.render(
          <>
            <ThreadSidebar {...props} />
            {props.model && <PaintedMark />}
          </>,
        ),
      );
    },
    setTheme(mode: ThemeMode) {
      container.dataset.theme = mode;
    },
  };
}
