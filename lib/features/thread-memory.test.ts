import { describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '../schema/messages';
import { conversation } from '../testing/records';
import { ben, sessionOf } from '../testing/thread-data';
import type { Background } from './background';
import { pageLists } from './page-lists';
import { threadMemory } from './thread-memory';

const ref = { host: 'gmail' as const, mailbox: 'ben@acme.test', threadId: '1a1e3845ce800b70' };
const other = { ...ref, threadId: '1a1e3845ce800c00' };

function setUp(recorded = true, state = sessionOf(ben, { online: false })) {
  let listener: ((n: ChangeNotice) => void) | null = null;
  const asked: string[] = [];
  const send = vi.fn(async (request: { type: string; ref?: typeof ref }) => {
    asked.push(request.type);
    if (request.type === 'getState') return state;
    if (request.type === 'getThread') {
      const id = request.ref?.threadId === ref.threadId ? 'c1' : 'c2';
      return {
        conversation: recorded ? conversation(id) : null,
        session: sessionOf(ben),
        pending: 1,
      };
    }
    throw new Error(`unexpected ${request.type}`);
  });
  const background = {
    send: send as unknown as Background['send'],
    subscribe: (l: (n: ChangeNotice) => void) => {
      listener = l;
      return () => {};
    },
  };
  const page = new AbortController().signal;
  const threads = threadMemory(background, pageLists(background, page), page);
  const notify = (conversationIds: string[], tables: ChangeNotice['tables'] = []) =>
    listener?.({ type: 'changed', conversationIds, tables });
  return { threads, notify, asked };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the threads read on a page', () => {
  it('recalls nothing for a thread not read yet', async () => {
    const { threads } = setUp();
    expect(threads.recall(ref)).toBeNull();
  });

  it('recalls the last answer for a thread read before', async () => {
    const { threads } = setUp();
    const answer = await threads.read(ref);
    expect(threads.recall(ref)).toEqual(answer);
  });

  it('forgets a thread when a notice names its conversation, and only that one', async () => {
    const { threads, notify } = setUp();
    await Promise.all([threads.read(ref), threads.read(other)]);
    notify(['c1']);
    expect(threads.recall(ref)).toBeNull();
    expect(threads.recall(other)?.conversation?.id).toBe('c2');
  });

  it('forgets every thread when all conversations or the session changed', async () => {
    for (const table of ['conversations', 'session'] as const) {
      const { threads, notify } = setUp();
      await threads.read(ref);
      notify([], [table]);
      expect(threads.recall(ref)).toBeNull();
    }
  });

  it('renews the session at once when the sync state changes', async () => {
    const { threads, notify, asked } = setUp();
    await threads.read(ref);
    notify([], ['sync']);
    expect(asked.at(-1)).toBe('getState');
    // Until the renewed session is back, nothing is recalled rather than an old state.
    expect(threads.recall(ref)).toBeNull();
    await flush();
    expect(threads.recall(ref)?.session.sync.online).toBe(false);
  });

  it('recalls a conversation the list looked up, once the session is known and nothing waits to sync', async () => {
    const { threads, asked } = setUp();
    threads.seen(ref, conversation('c1'), threads.epoch());
    expect(threads.recall(ref)).toBeNull();
    expect(asked).toEqual(['getState']);
    await flush();
    expect(threads.recall(ref)).toMatchObject({ conversation: { id: 'c1' }, pending: 0 });
  });

  it('does not recall a listed conversation while the outbox holds changes: its own count is unknown', async () => {
    const { threads } = setUp(true, sessionOf(ben, { pending: 2 }));
    threads.seen(ref, conversation('c1'), threads.epoch());
    await flush();
    expect(threads.recall(ref)).toBeNull();
  });

  it('drops a lookup answered after a notice that may have outdated it', async () => {
    const { threads, notify } = setUp();
    const asked = threads.epoch();
    notify(['c1']);
    threads.seen(ref, conversation('c1'), asked);
    await flush();
    expect(threads.recall(ref)).toBeNull();
  });

  it('keeps no thread that is not recorded yet: no notice could name it', async () => {
    const { threads } = setUp(false);
    await threads.read(ref);
    expect(threads.recall(ref)).toBeNull();
  });
});
