import { randomUUID } from 'node:crypto';
import type { ConversationMeta, MutationEnvelope } from '../../lib/schema';

let seq = 0;

/** Metadata of a conversation as a Gmail page would report it. */
export function meta(n = ++seq, mailbox = 'support@acme.test'): ConversationMeta {
  return {
    key: `msgid:<m${n}-${randomUUID()}@acme.test>`,
    host: 'gmail',
    ref: { host: 'gmail', mailbox, threadId: `t${n}` },
    subject: `Subject ${n}`,
    participants: [{ email: `customer${n}@example.com`, name: null }],
    firstMessageAt: '2026-11-28T10:00:00.000Z',
    lastMessageAt: '2026-11-28T11:00:00.000Z',
  };
}

export function mutation(id: number, name: string, args: unknown): MutationEnvelope {
  return { id, name, args, ts: new Date().toISOString() };
}

/** A customer's new conversation: one message, `at`, from outside the team. */
export function customerMessage(subject: string, at: Date): ConversationMeta {
  const sent = at.toISOString();
  return {
    ...meta(),
    subject,
    firstMessageAt: sent,
    lastMessageAt: sent,
    lastMessageFrom: 'customer@example.com',
    participants: [{ email: 'customer@example.com', name: null }],
  };
}
