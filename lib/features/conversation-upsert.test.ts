import { describe, expect, it, vi } from 'vitest';
import type { ConversationMeta } from '../schema';
import { conversation } from '../testing/records';
import type { Background } from './background';
import { upsertOpenedThread } from './conversation-upsert';

const meta: ConversationMeta = {
  key: 'msgid:<CAJx7Q2n-Ord1042+r5=Kp9vQmT4s@mail.customer.test>',
  host: 'gmail',
  ref: { host: 'gmail', mailbox: 'ana@acme.test', threadId: '1a1e3845ce800a10' },
  subject: 'Order #1042 arrived damaged',
  participants: [{ email: 'maria@customer.test', name: 'Maria' }],
  firstMessageAt: '2026-11-16T08:41:05.000Z',
  lastMessageAt: '2026-11-17T10:02:00.000Z',
};

const backgroundAnswering = (answer: Awaited<ReturnType<Background['send']>>) => {
  const send = vi.fn(async () => answer);
  return { send: send as unknown as Background['send'], calls: send.mock.calls };
};

describe('recording an opened thread', () => {
  it('upserts the metadata the page gave, and nothing else', async () => {
    const bg = backgroundAnswering({ ok: true, mutationId: 1, conversation: conversation('c1') });
    await upsertOpenedThread({ read: async () => ({ ok: true, value: meta }) }, bg);
    expect(bg.calls).toEqual([[{ type: 'mutate', name: 'conversation.upsert', args: { meta } }]]);
  });

  it('writes nothing from a half-read page, and says why', async () => {
    const bg = backgroundAnswering({ ok: true, mutationId: 1, conversation: conversation('c1') });
    const halfRead = async () => ({
      ok: false as const,
      message: 'Gmail thread not fully read: the newest message is not readable',
    });
    await expect(upsertOpenedThread({ read: halfRead }, bg)).rejects.toThrow(
      'the newest message is not readable',
    );
    expect(bg.calls).toEqual([]);
  });

  it('fails loudly when the upsert is refused', async () => {
    const bg = backgroundAnswering({ ok: false, status: 'invalid', message: 'key mismatch' });
    await expect(
      upsertOpenedThread({ read: async () => ({ ok: true, value: meta }) }, bg),
    ).rejects.toThrow('conversation.upsert invalid: key mismatch');
  });
});
