import { describe, expect, it, vi } from 'vitest';
import type { ThreadRow } from '../hosts/types';
import type { Conversation, ConversationMeta } from '../schema';
import { conversation } from '../testing/records';
import type { Background } from './background';
import { rowUpdate, upsertListedRow } from './list-upsert';

const ref = { host: 'gmail' as const, mailbox: 'ana@acme.test', threadId: '1a1e3845ce800a10' };
const meta: ConversationMeta = {
  key: 'msgid:<order-1042@mail.customer.test>',
  host: 'gmail',
  ref,
  subject: 'Order #1042 arrived damaged',
  participants: [{ email: 'maria@customer.test', name: 'Maria' }],
  firstMessageAt: '2026-11-16T08:41:05.000Z',
  lastMessageAt: '2026-11-17T10:02:00.000Z',
};

function rowOf(patch: Partial<ThreadRow> = {}): ThreadRow {
  return {
    ref,
    subject: meta.subject,
    participants: meta.participants,
    lastMessageAt: meta.lastMessageAt,
    read: vi.fn(async () => ({ ok: true as const, value: meta })),
    setChips: vi.fn(),
    signal: new AbortController().signal,
    ...patch,
  };
}

const known = (patch: Partial<Conversation> = {}) =>
  ({
    ...conversation('c1'),
    key: meta.key,
    refs: [ref],
    lastMessageAt: meta.lastMessageAt,
    ...patch,
  }) as Conversation;

/** A background that accepts every mutation. */
function background() {
  const send = vi.fn(async (_request: { type: string }) => ({
    ok: true,
    mutationId: 1,
    conversation: conversation('c1'),
  }));
  return { send: send as unknown as Background['send'], calls: send.mock.calls };
}

describe('what a listed row records', () => {
  it('reads a row the cache does not know', () => {
    expect(rowUpdate(rowOf(), null)).toEqual({ read: true });
  });

  it('records nothing for a known row with nothing newer', () => {
    expect(rowUpdate(rowOf(), known())).toBeNull();
    expect(rowUpdate(rowOf({ lastMessageAt: null }), known())).toBeNull();
  });

  it('records a newer last message under the known key, without reading', () => {
    const later = '2026-11-18T09:00:00.000Z';
    expect(rowUpdate(rowOf({ lastMessageAt: later }), known())).toEqual({
      read: false,
      meta: { ...meta, firstMessageAt: null, lastMessageAt: later },
    });
  });
});

describe('recording a listed row', () => {
  it('upserts what the row read when the cache does not know it', async () => {
    const bg = background();
    await upsertListedRow(rowOf(), null, bg);
    expect(bg.calls.at(-1)).toEqual([
      { type: 'mutate', name: 'conversation.upsert', args: { meta } },
    ]);
  });

  it('writes nothing from a row that could not be read, and says why', async () => {
    const bg = background();
    const row = rowOf({
      read: async () => ({ ok: false, message: 'Gmail row not fully read: HTTP 500' }),
    });
    await expect(upsertListedRow(row, null, bg)).rejects.toThrow('HTTP 500');
    expect(bg.calls).toEqual([]);
  });

  it('sends nothing for a known, unchanged row', async () => {
    const bg = background();
    const row = rowOf();
    await upsertListedRow(row, known(), bg);
    expect(row.read).not.toHaveBeenCalled();
    expect(bg.calls).toEqual([]);
  });
});
