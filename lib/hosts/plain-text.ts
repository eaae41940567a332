/**
 * A message body as plain text, the way a reader sees it: block elements and `<br>` break
 * lines, hidden parts and quoted history left out. Both hosts read bodies through here, so
 * the copilot gets the same shape of text from Gmail and Outlook.
 */

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);

/** Longest text kept per message (the contract's limit). */
export const MAX_MESSAGE_TEXT = 100_000;

/**
 * The text of `body`, leaving out every element matching `drop` (quoted history,
 * signatures' separators…) and everything after the first `cutAfter` match, when given
 * (Outlook puts the quoted message after a marker, as siblings).
 */
export function plainTextOf(
  body: Element,
  options: { drop?: string; cutAfter?: string } = {},
): string {
  const lines: string[] = [];
  let line = '';
  let cut = false;
  const cutAt = options.cutAfter ? body.querySelector(options.cutAfter) : null;
  const breakLine = () => {
    lines.push(line);
    line = '';
  };
  const walk = (node: Node) => {
    if (cut) return;
    if (node === cutAt) {
      cut = true;
      return;
    }
    if (node.nodeType === 3) {
      line += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (SKIPPED.has(element.tagName)) return;
    if (options.drop && element.matches(options.drop)) return;
    if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden')) return;
    if (element.tagName === 'BR') {
      breakLine();
      return;
    }
    const block = BLOCKS.has(element.tagName);
    if (block) breakLine();
    for (const child of element.childNodes) walk(child);
    if (block) breakLine();
  };
  walk(body);
  breakLine();
  return tidy(lines.join('\n'));
}

/**
 * Quoted history written as text: a trailing "On … wrote:" line with the `>` lines after
 * it, or `>` lines ending the message. Quotes in the middle (an inline answer) are kept.
 */
export function trimQuotedText(text: string): string {
  const lines = text.split('\n');
  let end = lines.length;
  while (end > 0 && (lines[end - 1]?.trim() === '' || lines[end - 1]?.startsWith('>'))) end--;
  const header = lines[end - 1]?.trim() ?? '';
  if (end < lines.length && /^(On|Am|Le|El) .+(wrote|schrieb|a écrit|escribió) ?:$/i.test(header)) {
    end--;
  }
  return tidy(lines.slice(0, end).join('\n'));
}

/** Spaces trimmed per line, at most one blank line in a row, capped at the contract's limit. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, MAX_MESSAGE_TEXT);
}
