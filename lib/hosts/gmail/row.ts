import type { ThreadRowView } from '@inboxsdk/core';
import type { ThreadRef } from '../../schema';
import type { ThreadRow } from '../types';
import { chipSetter, type LabelSource } from './chip-labels';
import { readFirstMessage } from './first-message';
import { parseGmailDate } from './gmail-date';
import { conversationKey } from './message-id';
import { buildRowMeta } from './thread-meta';
import { untilDestroyed } from './view-signal';

export async function toThreadRow(view: ThreadRowView, mailbox: string): Promise<ThreadRow> {
  const signal = untilDestroyed(view);
  const threadId = await view.getThreadIDAsync();
  const ref: ThreadRef = { host: 'gmail', mailbox, threadId };
  const subject = view.getSubject();
  // Gmail names the signed-in user "me" (localised) in rows: not a name.
  const participants = view.getContacts().map((c) => {
    const email = c.emailAddress.toLowerCase();
    return { email, name: email === mailbox ? null : c.name || null };
  });
  const lastMessageAt = parseGmailDate(view.getDateString());
  return {
    ref,
    subject,
    participants,
    lastMessageAt,
    async read() {
      try {
        // A Gmail thread's id is its first message's id.
        const first = await readFirstMessage(threadId, signal);
        return buildRowMeta({
          ref,
          key: conversationKey(first, ref),
          subject,
          participants,
          firstSentAt: first?.sentAt ?? null,
          lastMessageAt,
        });
      } catch (error) {
        return { ok: false, message: `Gmail row not fully read: ${String(error)}` };
      }
    },
    setChips: chipSetter((source: LabelSource) =>
      // A LabelSource is a Kefir stream to InboxSDK's kefir-cast (see chip-labels.ts).
      view.addLabel(source as unknown as Parameters<ThreadRowView['addLabel']>[0]),
    ),
    signal,
  };
}
