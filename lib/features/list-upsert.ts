import type { ThreadRow } from '../hosts/types';
import type { Conversation, ConversationMeta } from '../schema';
import type { Background } from './background';
import type { Feature } from './index';
import { taskQueue } from './task-queue';

/** Rows are read two at a time: each unknown one costs a request to Gmail. */
const CONCURRENT_ROWS = 2;

/**
 * What to record for a listed row: its full metadata when the cache does not know it
 * (queues list it before anyone opens it), a newer last-message time when the row shows
 * one, else nothing. `read: true` means the row must be read (its first message) first.
 */
export function rowUpdate(
  row: Pick<ThreadRow, 'ref' | 'subject' | 'participants' | 'lastMessageAt'>,
  known: Conversation | null,
): { read: true } | { read: false; meta: ConversationMeta } | null {
  if (!known) return { read: true };
  if (!row.lastMessageAt) return null;
  if (known.lastMessageAt && Date.parse(row.lastMessageAt) <= Date.parse(known.lastMessageAt)) {
    return null;
  }
  return {
    read: false,
    meta: {
      key: known.key,
      host: row.ref.host,
      ref: row.ref,
      subject: row.subject.trim() || known.subject,
      participants: row.participants,
      firstMessageAt: null,
      lastMessageAt: row.lastMessageAt,
    },
  };
}

export async function upsertListedRow(
  row: ThreadRow,
  known: Conversation | null,
  background: Pick<Background, 'send'>,
) {
  const update = rowUpdate(row, known);
  if (!update || row.signal.aborted) return;
  let meta: ConversationMeta;
  if (update.read) {
    const read = await row.read();
    if (!read.ok) throw new Error(read.message);
    meta = read.value;
  } else {
    meta = update.meta;
  }
  const result = await background.send({
    type: 'mutate',
    name: 'conversation.upsert',
    args: { meta },
  });
  if (!result.ok) throw new Error(`conversation.upsert ${result.status}: ${result.message}`);
}

/** Records the metadata (never bodies) of the threads an agent's list shows. */
export const listUpsert: Feature = {
  name: 'list-upsert',
  init({ host, background, page, signal, report }) {
    const run = taskQueue(CONCURRENT_ROWS);
    host.onThreadRow((row) => {
      page
        .lookup(row.ref)
        .then((known) =>
          run(async () => {
            if (!row.signal.aborted && !signal.aborted)
              await upsertListedRow(row, known, background);
          }),
        )
        .catch(report);
    }, signal);
  },
};
