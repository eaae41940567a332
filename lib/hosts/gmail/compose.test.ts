import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { SentReply } from '../types';
import { onSentReply, type SendingView } from './compose';

/** A ComposeView as far as sending goes: InboxSDK's events and what kind of draft it is. */
function view(kind: { reply: boolean; forward: boolean }) {
  const events = new EventEmitter();
  const fake = Object.assign(events, {
    isReply: () => kind.reply,
    isForward: () => kind.forward,
  });
  return fake as unknown as SendingView & EventEmitter;
}

const sentEvent = (threadId: Promise<string>) => ({
  getThreadID: () => threadId,
  getMessageID: () => Promise.resolve('msg'),
});

describe('a Gmail draft sent', () => {
  it('tells of a reply with its thread and when it went', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-29T10:00:00.000Z') });
    try {
      const sent: SentReply[] = [];
      const reply = view({ reply: true, forward: false });
      onSentReply(reply, (s) => sent.push(s));
      reply.emit('sent', sentEvent(Promise.resolve('1a1e3845ce800a10')));
      await vi.runAllTimersAsync();
      expect(sent).toEqual([{ threadId: '1a1e3845ce800a10', at: '2026-11-29T10:00:00.000Z' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('still tells of the reply when Gmail cannot name its thread', async () => {
    const sent: SentReply[] = [];
    const reply = view({ reply: true, forward: false });
    onSentReply(reply, (s) => sent.push(s));
    reply.emit('sent', sentEvent(Promise.reject(new Error('no sync id'))));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.threadId).toBeNull();
  });

  it('says nothing of a new message or a forward', async () => {
    const sent: SentReply[] = [];
    for (const kind of [
      { reply: false, forward: false },
      { reply: true, forward: true },
    ]) {
      const draft = view(kind);
      onSentReply(draft, (s) => sent.push(s));
      draft.emit('sent', sentEvent(Promise.resolve('1a1e3845ce800a10')));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([]);
  });
});
