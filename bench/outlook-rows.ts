import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConversationMeta } from '../lib/schema';
import { OUTLOOK_FIXTURES, SHARED_MAILBOX } from '../lib/testing/outlook-fixtures';

const LIST = path.join(OUTLOOK_FIXTURES, 'list-2026-11.html');
/** A list row of the fixture: its closing tag is the first one at the start of a line. */
const ROW = /<div role="option"[\s\S]*?\n<\/div>/g;
const GROUP_HEADER = /<button class="grp[^>]*>[^<]*<\/button>\n?/g;
const ROWS_TEMPLATE = /<template id="fixture-rows">[\s\S]*?<\/template>/;
const LISTBOX_OPEN = /<div role="listbox"[^>]*>\n?/;

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Conversation ids shaped like the fixtures' (`AAQk…`, standard base64), one per row. */
export function outlookRowIds(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `AAQkAGFjbWUtc3VwcG9ydAAQAEJlbmNo${base64(`Bench/Row${String(i + 1).padStart(3, '0')}`)}`,
  );
}

/**
 * The shared mailbox's list fixture with its 7 rows cycled into one row per id, every one
 * mounted (the fixture's virtual window widened to all of them, no date headers): each
 * copy gets its own item id, conversation id and a numbered subject. Outlook itself
 * mounts 12–20 rows; this is the worst case of a list that shows them all.
 */
export async function outlookListWithRows(convids: string[]): Promise<string> {
  const page = await readFile(LIST, 'utf8');
  const prototypes = page.match(ROW) ?? [];
  if (prototypes.length === 0) throw new Error('no rows in the Outlook list fixture');
  const rows = convids.map((convid, i) => {
    const n = i + 1;
    return (prototypes[i % prototypes.length] ?? '')
      .replace(/ id="[^"]+"/, ` id="AQMkAGFjbWUtc3VwcG9ydABGAAADQmVuY2g/${base64(`Item${n}`)}"`)
      .replace(/data-convid="[^"]+"/, `data-convid="${convid}"`)
      .replace(
        /(<div class="sub[^"]*"><span title=")([^"]+)(">)([^<]+)</,
        (_, open: string, title: string, mid: string, text: string) =>
          `${open}${title} (${n})${mid}${text} (${n})<`,
      );
  });
  const withoutRows = page.replace(ROW, '').replace(GROUP_HEADER, '').replace(ROWS_TEMPLATE, '');
  const listbox = LISTBOX_OPEN.exec(withoutRows);
  if (!listbox) throw new Error('no list box in the Outlook list fixture');
  const at = listbox.index + listbox[0].length;
  return (withoutRows.slice(0, at) + rows.join('\n') + withoutRows.slice(at)).replace(
    /"window": \d+/,
    `"window": ${convids.length}`,
  );
}

/**
 * The conversation a row shows, as the adapter records it (`thread:outlook:<mailbox>:<id>`),
 * newer than the row's date so the list has nothing to record.
 */
export function outlookRowMeta(convid: string, i: number): ConversationMeta {
  const ref = { host: 'outlook' as const, mailbox: SHARED_MAILBOX, threadId: convid };
  return {
    key: `thread:outlook:${SHARED_MAILBOX}:${convid}`,
    host: 'outlook',
    ref,
    subject: `Bench row ${i + 1}`,
    participants: [{ email: `customer${i}@customer.test`, name: `Customer ${i + 1}` }],
    firstMessageAt: '2026-11-01T09:00:00.000Z',
    lastMessageAt: '2026-11-30T09:00:00.000Z',
  };
}
