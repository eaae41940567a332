import { describe, expect, it } from 'vitest';
import type { ThreadRef } from '../../schema';
import { buildRowMeta, buildThreadMeta, type MessageFacts, type ThreadFacts } from './thread-meta';

const ref: ThreadRef = { host: 'gmail', mailbox: 'ana@acme.test', threadId: '1a1e3845ce800a10' };
const maria = { emailAddress: 'Maria.Lopez@customer.test', name: 'Maria Lopez' };
const support = { emailAddress: 'support@acme.test', name: 'Acme Support' };
const ana = { emailAddress: 'ana@acme.test', name: 'Ana Silva' };
const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m, d, h, min).toISOString();

// As InboxSDK reads tests/fixtures/gmail/thread-2026-11.html.
const orderThread = (): ThreadFacts => ({
  ref,
  key: 'msgid:<CAJx7Q2n-Ord1042+r5=Kp9vQmT4s@mail.customer.test>',
  subject: 'Order #1042 arrived damaged',
  firstSentAt: '2026-11-16T08:41:05.000Z',
  messages: [
    { state: 'shown', sender: maria, recipients: [support], date: 'Mon, Nov 16, 2026, 8:41 AM' },
    {
      state: 'shown',
      sender: ana,
      recipients: [maria, support],
      date: 'Mon, Nov 16, 2026, 10:15 AM',
    },
    {
      state: 'shown',
      sender: maria,
      recipients: [{ emailAddress: 'ana@acme.test', name: 'me' }, support],
      date: 'Tue, Nov 17, 2026, 2:02 PM',
    },
  ],
});

const read = (facts: ThreadFacts) => {
  const result = buildThreadMeta(facts);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('conversation metadata from an open Gmail thread', () => {
  it('lists every participant once, lower-cased, with the names they send under', () => {
    expect(read(orderThread()).participants).toEqual([
      { email: 'maria.lopez@customer.test', name: 'Maria Lopez' },
      { email: 'ana@acme.test', name: 'Ana Silva' },
      { email: 'support@acme.test', name: 'Acme Support' },
    ]);
  });

  it('never takes Gmail\'s "me" label as the signed-in agent\'s name', () => {
    const facts = orderThread();
    facts.messages = [
      {
        state: 'shown',
        sender: maria,
        recipients: [{ emailAddress: 'ana@acme.test', name: 'me' }],
        date: 'Mon, Nov 16, 2026, 8:41 AM',
      },
    ];
    expect(read(facts).participants).toContainEqual({ email: 'ana@acme.test', name: null });
  });

  it('starts at the Date header and ends at the newest message', () => {
    const meta = read(orderThread());
    expect(meta.firstMessageAt).toBe('2026-11-16T08:41:05.000Z');
    expect(meta.lastMessageAt).toBe(local(2026, 10, 17, 14, 2));
    expect(meta).toMatchObject({ subject: 'Order #1042 arrived damaged', host: 'gmail', ref });
  });

  it('falls back to the first message title when the headers could not be read', () => {
    expect(read({ ...orderThread(), firstSentAt: null }).firstMessageAt).toBe(
      local(2026, 10, 16, 8, 41),
    );
  });

  it('leaves the start unknown when the first message is folded away', () => {
    const facts = { ...orderThread(), firstSentAt: null };
    facts.messages = [{ state: 'unread' }, ...facts.messages.slice(1)];
    const meta = read(facts);
    expect(meta.firstMessageAt).toBeNull();
    expect(meta.participants.map((p) => p.email)).toContain('maria.lopez@customer.test');
  });

  it('leaves times unknown in a language whose dates it cannot read', () => {
    const facts = { ...orderThread(), firstSentAt: null };
    facts.messages = facts.messages.map(
      (m): MessageFacts => (m.state === 'shown' ? { ...m, date: 'mar. 17 nov. 2026, 14:02' } : m),
    );
    expect(read(facts)).toMatchObject({ firstMessageAt: null, lastMessageAt: null });
  });

  it('names the sender of the newest message, lower-cased, for the SLA clocks', () => {
    expect(read(orderThread()).lastMessageFrom).toBe('maria.lopez@customer.test');
    const replied = orderThread();
    replied.messages = replied.messages.slice(0, 2);
    expect(read(replied).lastMessageFrom).toBe('ana@acme.test');
  });

  it('dates a one-message thread by its Date header at both ends', () => {
    const facts = orderThread();
    facts.messages = facts.messages.slice(0, 1);
    expect(read(facts)).toMatchObject({
      firstMessageAt: '2026-11-16T08:41:05.000Z',
      lastMessageAt: '2026-11-16T08:41:05.000Z',
    });
  });
});

describe('a half-read Gmail page', () => {
  const fails = (facts: ThreadFacts, reason: RegExp) => {
    const result = buildThreadMeta(facts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(reason);
  };

  it('gives an error when the subject was not found', () => {
    fails({ ...orderThread(), subject: '  ' }, /subject/);
  });

  it('gives an error when no message was read', () => {
    fails({ ...orderThread(), messages: [] }, /newest message/);
  });

  it('gives an error when the newest message is not readable', () => {
    const facts = orderThread();
    facts.messages = [...facts.messages.slice(0, 2), { state: 'unread' }];
    fails(facts, /newest message/);
  });

  it('gives an error when a shown message lost its date', () => {
    const facts = orderThread();
    facts.messages = facts.messages.map(
      (m): MessageFacts => (m.state === 'shown' ? { ...m, date: '' } : m),
    );
    fails(facts, /date/);
  });

  it('gives an error, not a shorter list, when an address is unreadable', () => {
    const facts = orderThread();
    facts.messages = [
      ...facts.messages.slice(0, 2),
      {
        state: 'shown',
        sender: maria,
        recipients: [{ emailAddress: '' }],
        date: 'Tue, Nov 17, 2026, 2:02 PM',
      },
    ];
    fails(facts, /participants/);
  });
});

describe('a thread-list row’s metadata', () => {
  const row = {
    ref,
    key: 'msgid:<CAJx7Q2n-Ord1042+r5=Kp9vQmT4s@mail.customer.test>',
    subject: ' Order #1042 arrived damaged ',
    participants: [{ email: 'maria.lopez@customer.test', name: 'Maria Lopez' }],
    firstSentAt: '2026-11-16T08:41:05.000Z',
    lastMessageAt: local(2026, 10, 17, 14, 2),
  };

  it('keys the row by its first message and keeps the row’s times, not knowing who wrote last', () => {
    expect(buildRowMeta(row)).toEqual({
      ok: true,
      value: {
        key: row.key,
        host: 'gmail',
        ref,
        subject: 'Order #1042 arrived damaged',
        participants: row.participants,
        firstMessageAt: row.firstSentAt,
        lastMessageAt: row.lastMessageAt,
        lastMessageFrom: null,
      },
    });
  });

  it('never ends before the first message (rows are to the minute)', () => {
    const early = { ...row, lastMessageAt: '2026-11-16T08:41:00.000Z' };
    const result = buildRowMeta(early);
    expect(result.ok && result.value.lastMessageAt).toBe(row.firstSentAt);
  });

  it('refuses a row without a subject or without anyone named', () => {
    expect(buildRowMeta({ ...row, subject: ' ' })).toEqual({
      ok: false,
      message: 'Gmail thread not fully read: the subject is missing',
    });
    expect(buildRowMeta({ ...row, participants: [] }).ok).toBe(false);
  });
});
