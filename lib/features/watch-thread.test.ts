import { describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '../schema/messages';
import { conversation } from '../testing/records';
import { ana, ben, sessionOf } from '../testing/thread-data';
import type { Background } from './background';
import { type ThreadData, watchThread } from './watch-thread';

const ref = { host: 'gmail' as const, mailbox: 'ben@acme.test', threadId: '1a1e3845ce800b70' };

function fakeBackground() {
  let current = conversation('c1');
  let listener: ((n: ChangeNotice) => void) | null = null;
  const unsubscribe = vi.fn();
  const asked: string[] = [];
  const send = vi.fn(async (request: { type: string }) => {
    asked.push(request.type);
    if (request.type === 'getThread')
      return { conversation: current, session: sessionOf(ben), pending: 0 };
    if (request.type === 'listMembers') return [ana, ben];
    if (request.type === 'listTags') return [];
    throw new Error(`unexpected ${request.type}`);
  });
  const background = {
    send: send as unknown as Background['send'],
    subscribe: (l: (n: ChangeNotice) => void) => {
      listener = l;
      return unsubscribe;
    },
  };
  return {
    background,
    asked,
    unsubscribe,
    change(next: typeof current, tables: ChangeNotice['tables'] = []) {
      current = next;
      listener?.({ type: 'changed', conversationIds: [next.id], tables });
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watching an open thread', () => {
  it('draws from the cache first, then again after each change', async () => {
    const bg = fakeBackground();
    const seen: ThreadData[] = [];
    await watchThread(ref, bg.background, (d) => seen.push(d), new AbortController().signal);
    expect(seen.at(-1)?.conversation?.assigneeId).toBeNull();
    bg.change(conversation('c1', { assigneeId: ana.id }));
    await settle();
    expect(seen.at(-1)?.conversation?.assigneeId).toBe(ana.id);
    expect(seen.at(-1)?.members).toEqual([ana, ben]);
    // Each read of the thread is one message to the worker.
    expect(bg.asked.filter((t) => t === 'getThread')).toHaveLength(2);
  });

  it('asks for members again only when they changed', async () => {
    const bg = fakeBackground();
    await watchThread(ref, bg.background, () => {}, new AbortController().signal);
    bg.change(conversation('c1'));
    await settle();
    expect(bg.asked.filter((t) => t === 'listMembers')).toHaveLength(1);
    bg.change(conversation('c1'), ['members']);
    await settle();
    expect(bg.asked.filter((t) => t === 'listMembers')).toHaveLength(2);
  });

  it('stops listening when the thread closes', async () => {
    const bg = fakeBackground();
    const closed = new AbortController();
    const onData = vi.fn();
    await watchThread(ref, bg.background, onData, closed.signal);
    closed.abort();
    expect(bg.unsubscribe).toHaveBeenCalled();
  });
});
