import { describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '../schema/messages';
import { conversation } from '../testing/records';
import { ana, ben, sessionOf } from '../testing/thread-data';
import type { Background } from './background';
import { pageLists } from './page-lists';
import { threadMemory } from './thread-memory';
import { type ThreadData, watchThread } from './watch-thread';

const ref = { host: 'gmail' as const, mailbox: 'ben@acme.test', threadId: '1a1e3845ce800b70' };

/** A worker whose getThread answers can be held back, as a busy one's are. */
function fakeBackground() {
  let current = conversation('c1');
  let listener: ((n: ChangeNotice) => void) | null = null;
  const unsubscribe = vi.fn();
  const asked: string[] = [];
  let held: Promise<void> | null = null;
  const send = vi.fn(async (request: { type: string }) => {
    asked.push(request.type);
    if (request.type === 'getThread') {
      const answer = { conversation: current, session: sessionOf(ben), pending: 0 };
      await held;
      return answer;
    }
    if (request.type === 'getState') return sessionOf(ben);
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
  const page = new AbortController().signal;
  const lists = pageLists(background, page);
  const threads = threadMemory(background, lists, page);
  return {
    asked,
    unsubscribe,
    watch: (onData: (d: ThreadData) => void, signal = new AbortController().signal) =>
      watchThread(ref, threads, lists, onData, signal),
    change(next: typeof current, tables: ChangeNotice['tables'] = []) {
      current = next;
      listener?.({ type: 'changed', conversationIds: [next.id], tables });
    },
    tick: () => listener?.({ type: 'changed', conversationIds: [], tables: ['clock'] }),
    /** Holds every getThread answer until the returned function is called. */
    hold() {
      let release!: () => void;
      held = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        held = null;
        release();
      };
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watching an open thread', () => {
  it('draws from the cache first, then again after each change', async () => {
    const bg = fakeBackground();
    const seen: ThreadData[] = [];
    await bg.watch((d) => seen.push(d));
    expect(seen.at(-1)?.conversation?.assigneeId).toBeNull();
    bg.change(conversation('c1', { assigneeId: ana.id }));
    await settle();
    expect(seen.at(-1)?.conversation?.assigneeId).toBe(ana.id);
    expect(seen.at(-1)?.members).toEqual([ana, ben]);
    // Each read of the thread is one message to the worker.
    expect(bg.asked.filter((t) => t === 'getThread')).toHaveLength(2);
  });

  it('does not read the thread again when only time passed (the SLA clock ticked)', async () => {
    const bg = fakeBackground();
    await bg.watch(() => {});
    bg.tick();
    await settle();
    expect(bg.asked.filter((t) => t === 'getThread')).toHaveLength(1);
  });

  it('draws a thread opened again at once, before the busy worker answers', async () => {
    const bg = fakeBackground();
    const first = new AbortController();
    await bg.watch(() => {}, first.signal);
    first.abort();
    const release = bg.hold();
    const seen: ThreadData[] = [];
    const watching = bg.watch((d) => seen.push(d));
    // Drawn before watchThread returned: no worker round trip, not even a microtask.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.conversation?.id).toBe('c1');
    release();
    await watching;
    expect(seen).toHaveLength(2);
  });

  it('does not draw a recalled thread over a newer answer', async () => {
    const bg = fakeBackground();
    const first = new AbortController();
    await bg.watch(() => {}, first.signal);
    first.abort();
    bg.change(conversation('c1', { assigneeId: ana.id }));
    const seen: ThreadData[] = [];
    await bg.watch((d) => seen.push(d));
    // The notice named c1, so nothing was recalled: the only draw is the worker's answer.
    expect(seen.map((d) => d.conversation?.assigneeId)).toEqual([ana.id]);
  });

  it('asks for members again only when they changed', async () => {
    const bg = fakeBackground();
    await bg.watch(() => {});
    bg.change(conversation('c1'));
    await settle();
    expect(bg.asked.filter((t) => t === 'listMembers')).toHaveLength(1);
    bg.change(conversation('c1'), ['members']);
    await settle();
    expect(bg.asked.filter((t) => t === 'listMembers')).toHaveLength(2);
  });

  it('stops drawing when the thread closes', async () => {
    const bg = fakeBackground();
    const closed = new AbortController();
    const onData = vi.fn();
    await bg.watch(onData, closed.signal);
    closed.abort();
    bg.change(conversation('c1', { assigneeId: ana.id }));
    await settle();
    expect(onData).toHaveBeenCalledTimes(1);
  });
});
