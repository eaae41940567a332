import { describe, expect, it } from 'vitest';
import type { ThreadRef } from '../../schema';
import { buildConversationMeta, buildRowMeta, type ConversationFacts } from './conversation-meta';

const ref: ThreadRef = {
  host: 'outlook',
  mailbox: 'support@acme.test',
  threadId: 'AAQkAGFjbWUtc3VwcG9ydAAQAE1hcmlh+TG9wZXovMTA0Mg==',
};
const maria = { email: 'maria.lopez@customer.test', name: 'Maria Lopez' };
const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).toISOString();

// As the reading pane of tests/fixtures/outlook/reading-right-2026-11.html shows it.
const order = (): ConversationFacts => ({
  ref,
  subject: ' Order #1042 arrived damaged ',
  lang: 'en',
  messages: [
    { sender: null, recipients: [], time: 'Mon 11/16/2026 8:41 AM' },
    { sender: null, recipients: [maria], time: 'Mon 11/16/2026 10:15 AM' },
    { sender: maria, recipients: [], time: 'Tue 11/17/2026 2:02 PM' },
  ],
});

const read = (facts: ConversationFacts) => {
  const result = buildConversationMeta(facts);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('metadata of an open Outlook conversation', () => {
  it('is keyed by the conversation id within the shared mailbox', () => {
    expect(read(order())).toEqual({
      key: `thread:outlook:support@acme.test:${ref.threadId}`,
      host: 'outlook',
      ref,
      subject: 'Order #1042 arrived damaged',
      participants: [maria],
      firstMessageAt: local(2026, 11, 16, 8, 41),
      lastMessageAt: local(2026, 11, 17, 14, 2),
    });
  });

  it('spans the oldest to the newest message whichever way Outlook lists them', () => {
    const facts = order();
    facts.messages.reverse();
    expect(read(facts)).toMatchObject({
      firstMessageAt: local(2026, 11, 16, 8, 41),
      lastMessageAt: local(2026, 11, 17, 14, 2),
    });
  });

  it('leaves both ends unknown when any date cannot be read', () => {
    const facts = order();
    facts.messages[1] = { ...facts.messages[1], sender: null, recipients: [], time: 'gestern' };
    expect(read(facts)).toMatchObject({ firstMessageAt: null, lastMessageAt: null });
  });

  it('names each address once, keeping a name where one was shown', () => {
    const facts = order();
    facts.messages[0] = {
      sender: { email: maria.email, name: null },
      recipients: [],
      time: 'Mon 11/16/2026 8:41 AM',
    };
    expect(read(facts).participants).toEqual([maria]);
  });
});

describe('a half-read reading pane', () => {
  const fails = (facts: ConversationFacts, reason: RegExp) => {
    const result = buildConversationMeta(facts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(reason);
  };

  it('writes nothing without a subject, a message, a date or an address', () => {
    fails({ ...order(), subject: ' ' }, /subject/);
    fails({ ...order(), messages: [] }, /no message/);
    fails({ ...order(), messages: order().messages.map((m) => ({ ...m, time: '' })) }, /no date/);
    fails(
      {
        ...order(),
        messages: order().messages.map((m) => ({ ...m, sender: null, recipients: [] })),
      },
      /address/,
    );
  });
});

describe('metadata of a list row', () => {
  const row = {
    ref,
    subject: 'Order #1042 arrived damaged',
    participants: [maria],
    lastMessageAt: local(2026, 11, 17, 14, 2),
  };

  it('is enough to list the conversation in a queue before anyone opens it', () => {
    expect(buildRowMeta(row)).toEqual({
      ok: true,
      value: {
        key: `thread:outlook:support@acme.test:${ref.threadId}`,
        host: 'outlook',
        ref,
        subject: row.subject,
        participants: [maria],
        firstMessageAt: null,
        lastMessageAt: row.lastMessageAt,
      },
    });
  });

  it('refuses a row without a subject or an address', () => {
    expect(buildRowMeta({ ...row, subject: '' }).ok).toBe(false);
    expect(buildRowMeta({ ...row, participants: [] })).toEqual({
      ok: false,
      message: 'Outlook conversation not fully read: the row names no one by address',
    });
  });
});
