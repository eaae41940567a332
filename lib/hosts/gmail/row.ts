import type { ThreadRowView } from '@inboxsdk/core';
import type { ThreadRow } from '../types';
import { chipSetter, type LabelSource } from './chip-labels';
import { untilDestroyed } from './view-signal';

export async function toThreadRow(view: ThreadRowView, mailbox: string): Promise<ThreadRow> {
  const signal = untilDestroyed(view);
  const threadId = await view.getThreadIDAsync();
  return {
    ref: { host: 'gmail', mailbox, threadId },
    subject: view.getSubject(),
    // Gmail names the signed-in user "me" (localised) in rows: not a name.
    participants: view.getContacts().map((c) => {
      const email = c.emailAddress.toLowerCase();
      return { email, name: email === mailbox ? null : c.name || null };
    }),
    setChips: chipSetter((source: LabelSource) =>
      // A LabelSource is a Kefir stream to InboxSDK's kefir-cast (see chip-labels.ts).
      view.addLabel(source as unknown as Parameters<ThreadRowView['addLabel']>[0]),
    ),
    signal,
  };
}
