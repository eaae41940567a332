import { ConversationKey, Instant, type ThreadRef } from '../../schema';
import type { FirstMessage } from '../types';
import { ACCOUNT_PATH, MESSAGE_NOT_FOUND, RAW_MESSAGE_PRE } from './selectors';

/**
 * Gmail's "Show original" page for one message, which the signed-in page may fetch.
 * The id goes in decimal (msg-f:<n>): Gmail answers the hex id the DOM carries with a
 * "message does not exist" page and HTTP 200.
 */
export function originalMessageUrl(
  page: { origin: string; pathname: string },
  ik: string,
  legacyMessageId: string,
): string {
  if (!/^[0-9a-f]{1,16}$/i.test(legacyMessageId)) {
    throw new Error(`not a Gmail message id: ${legacyMessageId}`);
  }
  const account = ACCOUNT_PATH.exec(page.pathname)?.[0] ?? '/mail/u/0/';
  const permId = `msg-f:${BigInt(`0x${legacyMessageId}`)}`;
  return `${page.origin}${account}?ik=${encodeURIComponent(ik)}&view=om&permmsgid=${permId}`;
}

/**
 * Reads the first message's headers. Gmail's page for an unknown id gives null; a failed
 * request or a page that is neither throws instead, because answering null would key the
 * conversation by thread id and split it from the other agents' copies for good.
 */
export async function fetchFirstMessage(
  url: string,
  signal: AbortSignal,
  fetchPage: typeof fetch = fetch,
): Promise<FirstMessage | null> {
  const response = await fetchPage(url, { credentials: 'include', signal });
  if (!response.ok) throw new Error(`Gmail "Show original" answered HTTP ${response.status}`);
  const page = await response.text();
  const raw = rawMessageFromPage(page);
  if (raw !== null) return parseFirstMessage(raw);
  if (MESSAGE_NOT_FOUND.test(page)) return null;
  throw new Error('Gmail "Show original" answered a page without the message');
}

export function rawMessageFromPage(html: string): string | null {
  const pre = RAW_MESSAGE_PRE.exec(html)?.[1];
  return pre === undefined ? null : decodeEntities(pre);
}

/** Only the top header block counts: bodies and attached messages carry look-alike lines. */
export function parseFirstMessage(raw: string): FirstMessage {
  const fields = headerFields(raw);
  const field = (name: string) => fields.find(([n]) => n.toLowerCase() === name)?.[1];
  return { messageId: messageIdOf(field('message-id')), sentAt: instantOf(field('date')) };
}

/** Agents who see the same first message share one key; others fall back to the thread. */
export function conversationKey(first: FirstMessage | null, ref: ThreadRef): ConversationKey {
  if (first?.messageId) return ConversationKey.parse(`msgid:${first.messageId}`);
  return ConversationKey.parse(`thread:${ref.host}:${ref.mailbox}:${ref.threadId}`);
}

function headerFields(raw: string): Array<[string, string]> {
  const block = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  // RFC 5322 §2.2.3: unfolding removes each line break that precedes white space.
  const lines = block.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/);
  return lines.flatMap((line): Array<[string, string]> => {
    const colon = line.indexOf(':');
    return colon > 0 ? [[line.slice(0, colon).trim(), line.slice(colon + 1).trim()]] : [];
  });
}

function messageIdOf(value: string | undefined): string | null {
  if (!value) return null;
  // Some mailers omit the angle brackets; every agent reads the same bytes, so adding
  // them keeps the key stable.
  const id = /<([^<>\s]+)>/.exec(value)?.[1] ?? /^[^\s<>()]+@[^\s<>()]+$/.exec(value)?.[0];
  if (!id) return null;
  return ConversationKey.safeParse(`msgid:<${id}>`).success ? `<${id}>` : null;
}

function instantOf(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const instant = new Date(time).toISOString();
  return Instant.safeParse(instant).success ? instant : null;
}

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

// One pass, so "&amp;lt;" becomes "&lt;" and not "<".
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec, hex, name) => {
    if (!dec && !hex) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : Number.parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
