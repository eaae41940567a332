import DOMPurify, { type Config } from 'dompurify';
import type { SafeHtml } from '../hosts/types';

/** Images only from the template itself: a remote one would tell its server who read the mail. */
export const isAllowedImageSource = (src: string) =>
  /^data:image\/(png|gif|jpeg|webp);base64,[a-z0-9+/=\s]*$/i.test(src.trim());

/** CSS that fetches something (a background image…) is remote content too. */
export const fetchesRemote = (css: string) => /url\s*\(|@import|image-set\s*\(/i.test(css);

const CONFIG: Config = {
  FORBID_TAGS: [
    'style',
    'link',
    'meta',
    'base',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'video',
    'audio',
    'source',
    'picture',
    'svg',
    'math',
  ],
  FORBID_ATTR: ['srcset', 'background', 'poster', 'action', 'formaction', 'ping'],
  ALLOW_DATA_ATTR: false,
};

let purifier: ReturnType<typeof DOMPurify> | null = null;

/**
 * Our own DOMPurify instance (hooks on the shared one would change every other caller):
 * DOMPurify drops scripts and event handlers; the hook drops images that are not data:
 * images and styles that fetch.
 */
function instance() {
  if (purifier) return purifier;
  const made = DOMPurify(window);
  if (!made.isSupported) throw new Error('this page cannot sanitise HTML');
  made.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'IMG' && !isAllowedImageSource(node.getAttribute('src') ?? '')) {
      node.remove();
      return;
    }
    if (fetchesRemote(node.getAttribute('style') ?? '')) node.removeAttribute('style');
  });
  purifier = made;
  return made;
}

/** The only way template HTML becomes insertable into a draft. */
export function sanitizeTemplateHtml(html: string): SafeHtml {
  return instance().sanitize(html, CONFIG) as SafeHtml;
}
