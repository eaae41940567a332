import { createRoot } from 'react-dom/client';
import type { ThemeMode } from '../../lib/hosts/types';
import { QueueList, type QueueListProps } from './QueueList';
import { QUEUE_CSS } from './styles';

/** Renders a queue page into a shadow root of the element the host gave; unmounts on abort. */
export function mountQueueList(host: HTMLElement, signal: AbortSignal) {
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = QUEUE_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  const root = createRoot(container);
  signal.addEventListener('abort', () => root.unmount(), { once: true });
  return {
    draw(props: QueueListProps) {
      if (!signal.aborted) root.render(<QueueList {...props} />);
    },
    setTheme(mode: ThemeMode) {
      container.dataset.theme = mode;
    },
  };
}
