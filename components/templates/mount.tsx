import { createRoot } from 'react-dom/client';
import { PICKER_CSS } from './styles';
import { TemplatePicker, type TemplatePickerProps } from './TemplatePicker';

const WIDTH = 360;

/** Keys typed in our field must not reach Gmail, which would read them as its shortcuts. */
const KEY_EVENTS = ['keydown', 'keypress', 'keyup'] as const;

/**
 * Draws the picker in a shadow root over the lower left of `anchor` (the draft's window),
 * fixed to the viewport. Removed when `signal` aborts.
 */
export function mountTemplatePicker(anchor: HTMLElement, signal: AbortSignal) {
  const host = document.createElement('div');
  const rect = anchor.getBoundingClientRect();
  const width = Math.min(WIDTH, Math.max(rect.width - 16, 200));
  Object.assign(host.style, {
    position: 'fixed',
    zIndex: '2147483000',
    left: `${Math.max(8, rect.left + 8)}px`,
    bottom: `${Math.max(8, window.innerHeight - rect.bottom + 56)}px`,
    width: `${width}px`,
  });
  for (const type of KEY_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = PICKER_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.body.append(host);
  const root = createRoot(container);
  signal.addEventListener(
    'abort',
    () => {
      root.unmount();
      host.remove();
    },
    { once: true },
  );
  return {
    host,
    draw(props: TemplatePickerProps) {
      if (!signal.aborted) root.render(<TemplatePicker {...props} />);
    },
  };
}
