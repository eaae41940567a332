import { describe, expect, it } from 'vitest';
import type { PresenceEntry, PresenceState } from '../schema';
import type { PresenceUpdate } from '../schema/presence-port';
import { pagePresence } from './page-presence';

const BEN = '00000000-0000-4000-8000-00000000000b';
const entry = (conversationId: string, state: PresenceState): PresenceEntry => ({
  conversationId,
  memberId: BEN,
  state,
  expiresAt: '2026-11-29T10:00:30.000Z',
});

function setup() {
  const reports: [string, PresenceState | null][] = [];
  let deliver: (update: PresenceUpdate) => void = () => {};
  let closed = false;
  const controller = new AbortController();
  const presence = pagePresence((listener) => {
    deliver = listener;
    return {
      report: (conversationId, state) => reports.push([conversationId, state]),
      close: () => {
        closed = true;
      },
    };
  }, controller.signal);
  const heard: (string[] | null)[] = [];
  presence.subscribe((ids) => heard.push(ids));
  return {
    presence,
    reports,
    deliver: (u: PresenceUpdate) => deliver(u),
    heard,
    controller,
    closed: () => closed,
  };
}

describe('page presence', () => {
  it('reports one state per conversation, replying over viewing, until every show ends', () => {
    const { presence, reports } = setup();
    const leave = presence.show('c1', 'viewing');
    const reply = presence.openReply('c1', '2026-11-29T09:00:00.000Z');
    expect(presence.myReply('c1')).toEqual({
      lastMessageAt: '2026-11-29T09:00:00.000Z',
      held: false,
    });
    reply.hold();
    expect(presence.myReply('c1')?.held).toBe(true);
    reply.release();
    expect(presence.myReply('c1')).toBeNull();
    leave();
    expect(reports).toEqual([
      ['c1', 'viewing'],
      ['c1', 'replying'],
      ['c1', 'viewing'],
      ['c1', null],
    ]);
  });

  it('keeps who else is where, from snapshots and updates, and tells the features', () => {
    const { presence, deliver, heard } = setup();
    deliver({ type: 'snapshot', entries: [entry('c1', 'viewing'), entry('c2', 'replying')] });
    expect(presence.others('c2')).toEqual([entry('c2', 'replying')]);
    deliver({ type: 'update', conversationId: 'c2', entries: [] });
    expect(presence.others('c2')).toEqual([]);
    expect(presence.others('c1')).toEqual([entry('c1', 'viewing')]);
    expect(heard).toEqual([null, ['c2']]);
  });

  it('closes its port with the page', () => {
    const { controller, closed } = setup();
    controller.abort();
    expect(closed()).toBe(true);
  });
});
