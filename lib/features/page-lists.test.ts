import { describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '../schema/messages';
import { policy } from '../sla/test-fixtures';
import { ana, ben } from '../testing/thread-data';
import type { Background } from './background';
import { pageLists } from './page-lists';

function fakeBackground(failFirst = false) {
  let listener: ((n: ChangeNotice) => void) | null = null;
  const unsubscribe = vi.fn();
  const asked: string[] = [];
  let failing = failFirst;
  const send = vi.fn(async (request: { type: string }) => {
    asked.push(request.type);
    if (failing) {
      failing = false;
      throw new Error('the worker is restarting');
    }
    if (request.type === 'listMembers') return [ana, ben];
    if (request.type === 'listTags') return [];
    if (request.type === 'listSlaPolicies') return [{ ...p1, version: 1 }];
    if (request.type === 'listSlaCalendars') return [];
    throw new Error(`unexpected ${request.type}`);
  });
  const background = {
    send: send as unknown as Background['send'],
    subscribe: (l: (n: ChangeNotice) => void) => {
      listener = l;
      return unsubscribe;
    },
  };
  const notify = (tables: ChangeNotice['tables']) =>
    listener?.({ type: 'changed', conversationIds: [], tables });
  return { background, asked, unsubscribe, notify };
}

const count = (asked: string[], type: string) => asked.filter((t) => t === type).length;

const p1 = policy({
  name: 'P1 outage',
  targets: { firstResponse: 30 },
  clock: 'calendar',
  calendarId: null,
});

describe('members and tags shared by the sidebars of a page', () => {
  it('are read once for every thread opened on the page', async () => {
    const bg = fakeBackground();
    const lists = pageLists(bg.background, new AbortController().signal);
    expect(await lists.members()).toEqual([ana, ben]);
    await Promise.all([lists.members(), lists.members(), lists.tags(), lists.tags()]);
    expect(count(bg.asked, 'listMembers')).toBe(1);
    expect(count(bg.asked, 'listTags')).toBe(1);
  });

  it('are known at once once both are read, until a notice outdates one', async () => {
    const bg = fakeBackground();
    const lists = pageLists(bg.background, new AbortController().signal);
    expect(lists.known()).toBeNull();
    await Promise.all([lists.members(), lists.tags()]);
    expect(lists.known()).toEqual({ members: [ana, ben], tags: [] });
    bg.notify(['tags']);
    expect(lists.known()).toBeNull();
  });

  it('are read again only when a notice names them, before listeners hear it', async () => {
    const bg = fakeBackground();
    const lists = pageLists(bg.background, new AbortController().signal);
    await Promise.all([lists.members(), lists.tags()]);
    const heard: string[] = [];
    lists.subscribe(() => {
      void lists.members();
      heard.push(`members read ${count(bg.asked, 'listMembers')} times`);
    });
    bg.notify(['conversations']);
    bg.notify(['members']);
    expect(heard).toEqual(['members read 1 times', 'members read 2 times']);
    expect(count(bg.asked, 'listTags')).toBe(1);
  });

  it('are both forgotten when the session changes (another workspace)', async () => {
    const bg = fakeBackground();
    const lists = pageLists(bg.background, new AbortController().signal);
    await Promise.all([lists.members(), lists.tags()]);
    bg.notify(['session']);
    await Promise.all([lists.members(), lists.tags()]);
    expect(count(bg.asked, 'listMembers')).toBe(2);
    expect(count(bg.asked, 'listTags')).toBe(2);
  });

  it('ask again after a failed read instead of keeping the failure', async () => {
    const bg = fakeBackground(true);
    const lists = pageLists(bg.background, new AbortController().signal);
    await expect(lists.members()).rejects.toThrow('restarting');
    expect(await lists.members()).toEqual([ana, ben]);
  });

  it('share the SLA clocks, read again only when policies or calendars change', async () => {
    const bg = fakeBackground();
    const lists = pageLists(bg.background, new AbortController().signal);
    const [clocks] = await Promise.all([lists.sla(), lists.sla()]);
    expect([...clocks.keys()]).toEqual([p1.id]);
    bg.notify(['clock']);
    bg.notify(['conversations']);
    expect(await lists.sla()).toBe(clocks);
    bg.notify(['sla']);
    expect(await lists.sla()).not.toBe(clocks);
    expect(count(bg.asked, 'listSlaPolicies')).toBe(2);
    expect(count(bg.asked, 'listSlaCalendars')).toBe(2);
  });

  it('stop listening when the page goes', () => {
    const bg = fakeBackground();
    const page = new AbortController();
    pageLists(bg.background, page.signal);
    page.abort();
    expect(bg.unsubscribe).toHaveBeenCalled();
  });
});
