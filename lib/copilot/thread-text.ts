import type { Participant, ThreadMessageText } from '../schema';
import type { CopilotContext } from './provider';

/** `Ana Silva <ana@x.com>`, `"Silva, Ana" <ana@x.com>` or a bare address. */
export function parseAddress(from: string): Participant {
  const angled = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  if (angled) return { email: angled[2]!.toLowerCase(), name: angled[1]!.trim() || null };
  const bare = /[^\s<>]+@[^\s<>]+/.exec(from);
  return { email: (bare?.[0] ?? from.trim()).toLowerCase(), name: null };
}

/** Where the quoted earlier mail starts: everything from that line on is not this message. */
const QUOTE_HEADER = [
  /^On .{4,200}wrote:\s*$/,
  /^Le .{4,200}a écrit\s*:\s*$/,
  /^Am .{4,200}schrieb .{0,120}:\s*$/,
  /^-{2,}\s*(Original Message|Forwarded message|Message d'origine|Ursprüngliche Nachricht)/i,
  /^(From|De|Von):\s.+$/,
  /^_{10,}\s*$/,
];
/** A signature's first line: everything after it is contact details and legal text. */
const SIGNATURE_START = [
  /^--\s*$/,
  /^Sent from my /i,
  /^(This|The information in this) e-?mail (may contain|is) confidential/i,
];
/** A closing line; what follows it (a name, a title) is only signature when short. */
const SIGN_OFF =
  /^((best|kind|warm|many)\s+)?(regards|wishes)[,!.]?$|^((many|best)\s+)?(thanks|thank you|cheers|best|br|sincerely|obrigado|merci|danke|gracias)(\s+(a lot|so much|in advance|again))?[,!.]?$/i;
const GREETING =
  /^(hi|hello|hey|dear|good (morning|afternoon|evening)|bonjour|hallo)\b[^.!?]{0,40}[,!]?$/i;

/**
 * The part of one message its sender wrote this time: no quoted replies, no greeting
 * line, no sign-off or signature (they would drown what the message is about).
 */
export function ownText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (QUOTE_HEADER.some((r) => r.test(trimmed))) break;
    if (SIGNATURE_START.some((r) => r.test(trimmed))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(trimmed);
  }
  const signOff = kept.findLastIndex((line) => SIGN_OFF.test(line));
  const after = kept.slice(signOff + 1).filter(Boolean);
  const before = kept.slice(0, Math.max(0, signOff)).filter(Boolean);
  // A message that is only "Thanks!" keeps it: that closing is all it says.
  if (
    signOff >= 0 &&
    before.length > 0 &&
    after.length <= 6 &&
    after.every((l) => l.length <= 80)
  ) {
    kept.length = signOff;
  }
  const firstText = kept.findIndex(Boolean);
  if (firstText >= 0 && GREETING.test(kept[firstText]!)) kept.splice(firstText, 1);
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Sentences of a message's own text, in order; a line without end punctuation is one. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=["'(“]?[\p{Lu}\d])/u))
    .map((s) => s.trim())
    .filter((s) => /[\p{L}]/u.test(s));
}

/** Addresses that speak for the team: the asking agent and the mailboxes the thread is in. */
function teamAddresses(context: CopilotContext): Set<string> {
  const mailboxes = context.conversation?.refs.map((r) => r.mailbox.toLowerCase()) ?? [];
  return new Set([context.agent.email.toLowerCase(), ...mailboxes]);
}

export const isFromCustomer = (context: CopilotContext, message: ThreadMessageText) =>
  !teamAddresses(context).has(parseAddress(message.from).email);

/** The newest message the customer wrote; the newest of all when the team wrote them all. */
export function latestCustomerMessage(context: CopilotContext): ThreadMessageText {
  const messages = context.thread.messages;
  return messages.findLast((m) => isFromCustomer(context, m)) ?? messages.at(-1)!;
}

/** Who the thread is with: the sender of their latest message, named when a name is known. */
export function customerOf(context: CopilotContext): Participant {
  const sender = parseAddress(latestCustomerMessage(context).from);
  if (sender.name) return sender;
  const known = context.conversation?.participants.find((p) => p.email === sender.email);
  return known ?? sender;
}
