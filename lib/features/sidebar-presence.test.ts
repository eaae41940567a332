import { describe, expect, it } from 'vitest';
import type { PresenceState } from '../schema';
import type { PresenceUpdate } from '../schema/presence-port';
import { ana, ben, threadData } from '../testing/thread-data';
import { pagePresence } from './page-presence';
import { sidebarPresence } from './sidebar-presence';

function setup() {
  const reports: [string, PresenceState | null][] = [];
  let deliver: (update: PresenceUpdate) => void = () => {};
  const page = new AbortController();
  const presence = pagePresence((listener) => {
    deliver = listener;
    return { report: (id, state) => reports.push([id, state]), close: () => {} };
  }, page.signal);
  const thread = new AbortController();
  let redrawn = 0;
  const sidebar = sidebarPresence(presence, 'ana@acme.test', () => redrawn++, thread.signal);
  return {
    presence,
    sidebar,
    reports,
    deliver: (u: PresenceUpdate) => deliver(u),
    thread,
    redrawn: () => redrawn,
  };
}

const benOn = (state: PresenceState): PresenceUpdate => ({
  type: 'update',
  conversationId: 'c1',
  entries: [
    { conversationId: 'c1', memberId: ben.id, state, expiresAt: '2026-11-29T10:00:30.000Z' },
  ],
});

describe('the sidebar’s presence', () => {
  it('views the conversation shown until the thread closes', () => {
    const s = setup();
    expect(s.sidebar.view(null)).toBeNull();
    expect(s.sidebar.view(threadData(ana))).toEqual({ line: null, collision: null });
    s.sidebar.view(threadData(ana));
    s.thread.abort();
    expect(s.reports).toEqual([
      ['c1', 'viewing'],
      ['c1', null],
    ]);
  });

  it('says who else is here, redraws when it changes, and warns while my reply collides', () => {
    const s = setup();
    s.sidebar.view(threadData(ana));
    s.deliver(benOn('viewing'));
    expect(s.redrawn()).toBe(1);
    expect(s.sidebar.view(threadData(ana))?.line).toBe('Ben is viewing');
    s.deliver(benOn('replying'));
    expect(s.sidebar.view(threadData(ana))).toEqual({
      line: 'Ben is replying now',
      collision: null,
    });
    s.presence.openReply('c1', null);
    expect(s.sidebar.view(threadData(ana))?.collision).toBe(
      'Ben is replying to this conversation too.',
    );
  });
});
