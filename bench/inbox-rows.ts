import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConversationMeta } from '../lib/schema';
import { ROOT } from '../tests/e2e/harness/paths';

export const MAILBOX = 'ana@acme.test';
const INBOX = path.join(ROOT, 'tests', 'fixtures', 'gmail', 'inbox-2026-11.html');
const ROW = /<tr class="zA[\s\S]*?<\/tr>/g;
/** Thread ids like Gmail's (see tests/fixtures/gmail/NOTES.md): distinct, 16 hex digits. */
const FIRST_ID = 0x1a10000000000a00n;

export function rowThreadIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (FIRST_ID + BigInt(i) * 0x100000n).toString(16));
}

/**
 * Ana's inbox fixture with its 7 rows cycled into one row per id: each copy gets its own
 * element ids, hex and decimal thread ids, and a numbered subject.
 */
export async function inboxWithRows(threadIds: string[]): Promise<string> {
  const page = await readFile(INBOX, 'utf8');
  const templates = page.match(ROW) ?? [];
  const first = page.indexOf(templates[0] ?? '\0');
  const last = templates.at(-1);
  if (first < 0 || !last) throw new Error('no thread rows in the inbox fixture');
  const end = page.lastIndexOf(last) + last.length;
  const rows = threadIds.map((hex, i) =>
    (templates[i % templates.length] ?? '')
      .replace(/id=":r\d+"/, `id=":r${i + 1}"`)
      .replace(/id=":s\d+"/, `id=":s${i + 1}"`)
      .replace(/#thread-f:\d+/, `#thread-f:${BigInt(`0x${hex}`)}`)
      .replace(
        /data-legacy-thread-id="[0-9a-f]+">([^<]*)</,
        `data-legacy-thread-id="${hex}">$1 (${i + 1})<`,
      ),
  );
  return page.slice(0, first) + rows.join('\n') + page.slice(end);
}

/** A conversation for row `i`, newer than the row's date so the list has nothing to record. */
export function rowMeta(threadId: string, i: number): ConversationMeta {
  return {
    key: `msgid:<bench-row-${i}-${threadId}@customer.test>`,
    host: 'gmail',
    ref: { host: 'gmail', mailbox: MAILBOX, threadId },
    subject: `Bench row ${i + 1}`,
    participants: [{ email: `customer${i}@customer.test`, name: `Customer ${i + 1}` }],
    firstMessageAt: '2026-11-01T09:00:00.000Z',
    lastMessageAt: '2026-11-30T09:00:00.000Z',
  };
}
